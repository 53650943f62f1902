package org.openysb.routing.classification.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openysb.routing.matrix.model.MatrixRow;

/**
 * The labelled sets of reference-data as the evaluation tests read them, and a router that decides as RoutingService
 * does (classifier, misconduct guard, responsibility matrix; no category hint, no accused unit).
 */
final class EvaluationData {
    static final Path DATA = Path.of("..", "reference-data");
    static final String MISCONDUCT = "OFFICIAL_MISCONDUCT";
    /** What the category classifier is trained on. */
    static final List<String> TRAINING = List.of("sample-complaints.jsonl", "training-complaints.jsonl");
    /** The held-out category set: never trained on, never used to choose a setting. */
    static final String EVALUATION = "evaluation-complaints.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvaluationData() {}

    enum Outcome {
        AUTO_DISCIPLINE,
        MANUAL,
        AUTO_OTHER
    }

    /**
     * One routed text: the outcome with and without the guard, the category and lead routing chose (null when manual),
     * the classifier's top prediction and the guard's assessment.
     */
    record Routed(
            Outcome outcome,
            Outcome withoutGuard,
            String category,
            String lead,
            CategoryClassifier.Prediction top,
            MisconductGuard.Assessment assessment) {
        boolean manual() {
            return outcome == Outcome.MANUAL;
        }
    }

    /** Routes as RoutingService does (no category hint, no accused unit). */
    static final class Router {
        final CategoryClassifier classifier;
        final MisconductGuard guard;
        final Map<String, List<MatrixRow>> rows;
        final double minConfidence;

        Router() throws IOException {
            this(CategoryClassifier.train(matrix().keySet(), categoryTraining(), keywords()));
        }

        Router(CategoryClassifier classifier) throws IOException {
            rows = matrix();
            this.classifier = classifier;
            double[] t = guardThresholds();
            guard = MisconductGuard.train(guardTraining(), t[0], t[1]);
            minConfidence = minConfidence();
        }

        Routed route(JsonNode example) {
            String text = example.path("text").asText();
            String district = example.path("district").asText();
            CategoryClassifier.Prediction top = classifier.classify(text).get(0);
            String discipline = lead(MISCONDUCT, district);
            String lead = lead(top.category(), district);
            boolean confident = top.confidence() >= minConfidence && lead != null;
            Outcome plain = !confident
                    ? Outcome.MANUAL
                    : discipline.equals(lead) ? Outcome.AUTO_DISCIPLINE : Outcome.AUTO_OTHER;
            MisconductGuard.Assessment a = guard.assess(text);
            if (a.level() == MisconductGuard.Level.STRONG) {
                return new Routed(Outcome.AUTO_DISCIPLINE, plain, MISCONDUCT, discipline, top, a);
            }
            if (a.level() == MisconductGuard.Level.POSSIBLE && !discipline.equals(lead)) {
                return new Routed(Outcome.MANUAL, plain, MISCONDUCT, null, top, a);
            }
            return new Routed(plain, plain, top.category(), confident ? lead : null, top, a);
        }

        String lead(String category, String district) {
            return MatrixRow.select(rows.getOrDefault(category, List.of()), district)
                    .map(r -> r.lead)
                    .orElse(null);
        }
    }

    static List<JsonNode> jsonLines(String file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(DATA.resolve(file))) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    static List<CategoryClassifier.Example> categoryTraining() throws IOException {
        List<CategoryClassifier.Example> training = new ArrayList<>();
        for (String file : TRAINING) {
            for (JsonNode node : jsonLines(file)) {
                training.add(new CategoryClassifier.Example(
                        node.path("text").asText(), node.path("category").asText()));
            }
        }
        return training;
    }

    static List<MisconductGuard.Example> guardTraining() throws IOException {
        List<MisconductGuard.Example> examples = new ArrayList<>();
        List<String> files = new ArrayList<>(List.of("misconduct-training.jsonl"));
        files.addAll(TRAINING);
        for (String file : files) {
            for (JsonNode node : jsonLines(file)) {
                examples.add(new MisconductGuard.Example(
                        node.path("text").asText(),
                        MISCONDUCT.equals(node.path("category").asText())));
            }
        }
        return examples;
    }

    static List<CategoryClassifier.Keyword> keywords() throws IOException {
        return Files.readAllLines(Path.of("src/main/resources/routing/keywords.csv")).stream()
                .skip(1)
                .map(line -> line.split(","))
                .map(c -> new CategoryClassifier.Keyword(c[0], c[1], Double.parseDouble(c[2])))
                .toList();
    }

    static Map<String, List<MatrixRow>> matrix() throws IOException {
        return Files.readAllLines(DATA.resolve("responsibility-matrix.csv")).stream()
                .skip(1)
                .map(line -> line.split(",", 7))
                .map(c -> {
                    MatrixRow row = new MatrixRow();
                    row.category = c[0];
                    row.lead = c[3];
                    row.scope = c[5];
                    return row;
                })
                .collect(Collectors.groupingBy(r -> r.category, java.util.LinkedHashMap::new, Collectors.toList()));
    }

    static Properties properties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    static double minConfidence() throws IOException {
        return Double.parseDouble(properties().getProperty("routing.min-confidence", "0.30"));
    }

    static double[] guardThresholds() throws IOException {
        Properties p = properties();
        return new double[] {
            Double.parseDouble(p.getProperty("routing.misconduct-possible", "0.30")),
            Double.parseDouble(p.getProperty("routing.misconduct-strong", "0.60"))
        };
    }
}
