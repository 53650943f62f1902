package org.openysb.routing.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures the classifier on the held-out evaluation set (never used for training) and guards against regressions.
 * The numbers are printed; the issue-4 accuracy script will report them in full.
 */
class ClassifierEvaluationTest {
    private static final Path DATA = Path.of("..", "reference-data");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void categoriesOfHeldOutComplaintsAreMostlyRightAndUncertainOnesGoToManualDispatch() throws IOException {
        Set<String> categories = Files.readAllLines(DATA.resolve("responsibility-matrix.csv")).stream()
                .skip(1)
                .map(line -> line.split(",")[0])
                .collect(Collectors.toSet());
        List<CategoryClassifier.Example> training = new ArrayList<>(read("sample-complaints.jsonl"));
        training.addAll(read("training-complaints.jsonl"));
        List<CategoryClassifier.Keyword> keywords =
                Files.readAllLines(Path.of("src/main/resources/routing/keywords.csv")).stream()
                        .skip(1)
                        .map(line -> line.split(","))
                        .map(c -> new CategoryClassifier.Keyword(c[0], c[1], Double.parseDouble(c[2])))
                        .toList();
        CategoryClassifier classifier = CategoryClassifier.train(categories, training, keywords);

        List<CategoryClassifier.Example> held = read("evaluation-complaints.jsonl");
        double threshold = 0.45;
        int right = 0;
        int auto = 0;
        int autoRight = 0;
        for (CategoryClassifier.Example example : held) {
            CategoryClassifier.Prediction top =
                    classifier.classify(example.text()).get(0);
            boolean ok = top.category().equals(example.category());
            right += ok ? 1 : 0;
            if (top.confidence() >= threshold) {
                auto++;
                autoRight += ok ? 1 : 0;
            }
        }
        double accuracy = (double) right / held.size();
        double manualRate = 1 - (double) auto / held.size();
        double autoAccuracy = auto == 0 ? 0 : (double) autoRight / auto;
        System.out.printf(
                "held-out: %d cases, top-1 category %.1f %%, auto-routed %d (accuracy %.1f %%), manual %.1f %%%n",
                held.size(), 100 * accuracy, auto, 100 * autoAccuracy, 100 * manualRate);
        assertTrue(accuracy >= 0.75, "top-1 accuracy " + accuracy);
        assertTrue(classifier.classify("你好，请回电。").get(0).confidence() < threshold, "no evidence, no confidence");
        assertTrue(Arrays.asList(categories.toArray()).size() > 20);
    }

    private static List<CategoryClassifier.Example> read(String file) throws IOException {
        List<CategoryClassifier.Example> examples = new ArrayList<>();
        for (String line : Files.readAllLines(DATA.resolve(file))) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                examples.add(new CategoryClassifier.Example(
                        node.path("text").asText(), node.path("category").asText()));
            }
        }
        return examples;
    }
}
