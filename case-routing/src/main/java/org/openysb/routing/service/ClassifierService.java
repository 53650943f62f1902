package org.openysb.routing.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import org.openysb.routing.model.CategoryClassifier;

/**
 * Holds the trained category classifier. Training data: the labelled cases shipped with the service
 * (sample-complaints.jsonl, training-complaints.jsonl) and the expert phrases of routing/keywords.csv.
 */
@ApplicationScoped
public class ClassifierService {
    private static final Logger LOG = Logger.getLogger(ClassifierService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile CategoryClassifier classifier;

    public CategoryClassifier classifier(Set<String> categories) {
        CategoryClassifier current = classifier;
        if (current == null) {
            synchronized (this) {
                current = classifier;
                if (current == null) {
                    List<CategoryClassifier.Example> examples = new ArrayList<>();
                    examples.addAll(readExamples("reference/sample-complaints.jsonl"));
                    examples.addAll(readExamples("reference/training-complaints.jsonl"));
                    List<CategoryClassifier.Keyword> keywords = readKeywords("routing/keywords.csv");
                    current = CategoryClassifier.train(categories, examples, keywords);
                    classifier = current;
                    LOG.infof(
                            "classifier trained on %d cases and %d phrases for %d categories",
                            examples.size(), keywords.size(), categories.size());
                }
            }
        }
        return current;
    }

    static List<CategoryClassifier.Example> readExamples(String resource) {
        return lines(resource).stream()
                .map(line -> {
                    try {
                        JsonNode node = JSON.readTree(line);
                        return new CategoryClassifier.Example(
                                node.path("text").asText(),
                                node.path("category").asText());
                    } catch (IOException e) {
                        throw new UncheckedIOException("bad line in " + resource, e);
                    }
                })
                .collect(Collectors.toList());
    }

    static List<CategoryClassifier.Keyword> readKeywords(String resource) {
        return lines(resource).stream()
                .skip(1)
                .map(line -> line.split(","))
                .filter(cells -> cells.length >= 3)
                .map(cells -> new CategoryClassifier.Keyword(
                        cells[0].trim(), cells[1].trim(), Double.parseDouble(cells[2].trim())))
                .toList();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = ClassifierService.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                LOG.warnf("no training resource %s", resource);
                return List.of();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
