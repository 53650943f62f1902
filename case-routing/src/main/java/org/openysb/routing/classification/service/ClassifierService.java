package org.openysb.routing.classification.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import org.openysb.outbox.AfterCommit;
import org.openysb.routing.classification.model.CategoryClassifier;
import org.openysb.routing.classification.model.ClassifierVersion;
import org.openysb.routing.classification.model.TrainingExample;
import org.openysb.routing.classification.repository.ClassifierVersionRepository;
import org.openysb.routing.classification.repository.TrainingExampleRepository;

/**
 * Holds the trained category classifier. Training data: the labelled cases shipped with the service
 * (sample-complaints.jsonl, training-complaints.jsonl), the expert phrases
 * of routing/keywords.csv and every dispatcher decision and arbitration ruling (table training_example). Each
 * (re)training is recorded in classifier_version.
 *
 * <p>Learning is copy-on-write: a new example retrains a fresh model that replaces the current one when the
 * transaction that recorded the example commits, so that classification never reads a model being changed.
 */
@ApplicationScoped
public class ClassifierService {
    private static final Logger LOG = Logger.getLogger(ClassifierService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> TRAINING_RESOURCES =
            List.of("reference/sample-complaints.jsonl", "reference/training-complaints.jsonl");

    private final TrainingExampleRepository examples;
    private final ClassifierVersionRepository versions;
    private final TransactionSynchronizationRegistry transactions;
    private volatile List<CategoryClassifier.Example> shipped;
    private volatile List<CategoryClassifier.Keyword> keywords;
    private volatile CategoryClassifier classifier;

    public ClassifierService(
            TrainingExampleRepository examples,
            ClassifierVersionRepository versions,
            TransactionSynchronizationRegistry transactions) {
        this.examples = examples;
        this.versions = versions;
        this.transactions = transactions;
    }

    /** The current model for these categories; trained (and recorded) on first use or when the categories change. */
    public CategoryClassifier classifier(Set<String> categories) {
        CategoryClassifier current = classifier;
        if (current == null || !current.categories().equals(categories)) {
            synchronized (this) {
                current = classifier;
                if (current == null || !current.categories().equals(categories)) {
                    current = retrain(categories, current == null ? "start" : "categories changed");
                    classifier = current;
                }
            }
        }
        return current;
    }

    /**
     * Learns a labelled case from a dispatcher or an arbitration ruling: stores it (it survives restarts) and
     * retrains the model, which takes effect when the current transaction commits.
     */
    public void learn(
            Set<String> categories, String caseNumber, String category, String text, String source, String actor) {
        CategoryClassifier current = classifier(categories);
        if (!current.categories().contains(category) || text == null || text.isBlank()) {
            return;
        }
        TrainingExample example = new TrainingExample();
        example.caseNumber = caseNumber;
        example.category = category;
        example.text = text.length() > 5000 ? text.substring(0, 5000) : text;
        example.source = source;
        example.actor = actor;
        example.createdAt = OffsetDateTime.now();
        examples.persist(example);
        CategoryClassifier retrained = retrain(current.categories(), source + " " + caseNumber + " by " + actor);
        AfterCommit.run(transactions, () -> classifier = retrained);
    }

    /** Every training of the model, newest first. */
    @jakarta.transaction.Transactional
    public List<ClassifierVersionView> listVersions() {
        return versions.listAll(io.quarkus.panache.common.Sort.descending("version")).stream()
                .map(v -> new ClassifierVersionView(v.version, v.trainedAt, v.examples, v.note))
                .toList();
    }

    /** One training of the model. */
    public record ClassifierVersionView(int version, OffsetDateTime trainedAt, int examples, String note) {}

    private CategoryClassifier retrain(Set<String> categories, String why) {
        if (shipped == null) {
            List<CategoryClassifier.Example> list = new ArrayList<>();
            TRAINING_RESOURCES.forEach(resource -> list.addAll(readExamples(resource)));
            shipped = List.copyOf(list);
            keywords = readKeywords("routing/keywords.csv");
        }
        List<CategoryClassifier.Example> all = new ArrayList<>(shipped);
        examples.listAll().forEach(e -> all.add(new CategoryClassifier.Example(e.text, e.category)));
        CategoryClassifier model = CategoryClassifier.train(categories, all, keywords);
        versions.lockForNewVersion(); // two instances training at once must not take the same number
        ClassifierVersion version = new ClassifierVersion();
        version.version = versions.latestVersion() + 1;
        version.trainedAt = OffsetDateTime.now();
        version.examples = all.size();
        version.note = why.length() > 500 ? why.substring(0, 500) : why;
        versions.persist(version);
        LOG.infof(
                "classifier version %d trained on %d cases and %d phrases for %d categories, smartcn words %s (%s)",
                version.version, all.size(), keywords.size(), categories.size(), model.usesWords() ? "on" : "off", why);
        return model;
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
