package org.openysb.routing.classification.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openysb.routing.matrix.model.MatrixRow;

/**
 * What the held-out evaluation prints for the lead's note: per category precision and recall, the confusion between
 * categories whose matrix rows name the same lead unit, and the calibration of the classifier's confidence
 * (reliability table and expected calibration error).
 */
final class RoutingReport {
    private RoutingReport() {}

    /** One evaluated case: the true and the routed category, the classifier's top category and its confidence. */
    record Case(String truth, String routed, String top, double confidence) {}

    /** Per category: how many cases, how many routed to it, how many of those right. */
    static void perCategory(List<Case> cases) {
        Map<String, int[]> n = new TreeMap<>(); // truth, predicted, right
        for (Case c : cases) {
            n.computeIfAbsent(c.truth(), k -> new int[3])[0]++;
            n.computeIfAbsent(c.routed(), k -> new int[3])[1]++;
            if (c.truth().equals(c.routed())) {
                n.get(c.truth())[2]++;
            }
        }
        System.out.println("per category (held out): category | cases | precision | recall");
        n.forEach((category, v) -> System.out.printf(
                "  %-26s %3d  %6s  %6s%n",
                category, v[0], v[1] == 0 ? "—" : percent((double) v[2] / v[1]), percent((double) v[2] / v[0])));
    }

    /**
     * For each unit that leads more than one category (city-wide rows): rows are the true categories, columns the
     * routed ones among them, then "elsewhere" (another unit's category).
     */
    static void sharedUnitConfusion(List<Case> cases, Map<String, List<MatrixRow>> rows) {
        Map<String, List<String>> byLead = new TreeMap<>();
        rows.forEach((category, list) -> list.stream()
                .filter(r -> MatrixRow.CITY.equals(r.scope))
                .forEach(r ->
                        byLead.computeIfAbsent(r.lead, k -> new ArrayList<>()).add(category)));
        System.out.println("confusion between categories that share a lead unit (rows: truth; columns: routed)");
        int within = 0;
        for (Map.Entry<String, List<String>> unit : byLead.entrySet()) {
            List<String> group = unit.getValue();
            if (group.size() < 2) {
                continue;
            }
            System.out.printf("  %s: %s | elsewhere%n", unit.getKey(), String.join(" | ", group));
            for (String truth : group) {
                Map<String, Integer> counts = new LinkedHashMap<>();
                group.forEach(g -> counts.put(g, 0));
                int elsewhere = 0;
                for (Case c : cases) {
                    if (!c.truth().equals(truth)) {
                        continue;
                    }
                    if (counts.containsKey(c.routed())) {
                        counts.merge(c.routed(), 1, Integer::sum);
                        within += c.routed().equals(truth) ? 0 : 1;
                    } else {
                        elsewhere++;
                    }
                }
                StringBuilder line = new StringBuilder("    " + truth + ":");
                counts.values().forEach(v -> line.append(' ').append(v));
                System.out.println(line.append(" | ").append(elsewhere));
            }
        }
        System.out.printf(
                "  mistakes between categories of the same lead unit: %d (the lead is right all the same)%n", within);
    }

    /** Reliability table of the classifier's top-1 confidence; returns the expected calibration error (10 bins). */
    static double calibration(List<Case> cases) {
        double[] edges = {0, 0.3, 0.5, 0.7, 0.8, 0.9, 1.0000001};
        System.out.println("calibration (held out): confidence | cases | mean confidence | accuracy");
        for (int b = 0; b + 1 < edges.length; b++) {
            int count = 0;
            double confidence = 0;
            int right = 0;
            for (Case c : cases) {
                if (c.confidence() >= edges[b] && c.confidence() < edges[b + 1]) {
                    count++;
                    confidence += c.confidence();
                    right += c.truth().equals(c.top()) ? 1 : 0;
                }
            }
            System.out.printf(
                    "  [%.1f, %.1f%s  %3d  %6s  %6s%n",
                    edges[b],
                    Math.min(1, edges[b + 1]),
                    b + 2 == edges.length ? "]" : ")",
                    count,
                    count == 0 ? "—" : String.format("%.2f", confidence / count),
                    count == 0 ? "—" : percent((double) right / count));
        }
        double ece = expectedCalibrationError(cases);
        System.out.printf("  expected calibration error (10 equal bins): %.3f%n", ece);
        return ece;
    }

    static double expectedCalibrationError(List<Case> cases) {
        double[] count = new double[10];
        double[] confidence = new double[10];
        double[] right = new double[10];
        for (Case c : cases) {
            int bin = Math.min(9, (int) (c.confidence() * 10));
            count[bin]++;
            confidence[bin] += c.confidence();
            right[bin] += c.truth().equals(c.top()) ? 1 : 0;
        }
        double ece = 0;
        for (int b = 0; b < 10; b++) {
            if (count[b] > 0) {
                ece += count[b] / cases.size() * Math.abs(right[b] / count[b] - confidence[b] / count[b]);
            }
        }
        return ece;
    }

    private static String percent(double v) {
        return String.format("%.1f %%", 100 * v);
    }
}
