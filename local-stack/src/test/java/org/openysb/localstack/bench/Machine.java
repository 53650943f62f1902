package org.openysb.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine as /proc shows it: busy CPU seconds of all cores, the load average. */
final class Machine {
    private Machine() {}

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** {busy CPU seconds of all cores so far, wall seconds now, CPU seconds of this JVM (the load generator)}. */
    static double[] busy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).split("\\s+");
            // cpu user nice system idle iowait irq softirq steal
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            String self = Files.readString(Path.of("/proc/self/stat"));
            String[] g = self.substring(self.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(g[11]) + Long.parseLong(g[12]);
            return new double[] {busy / 100.0, System.nanoTime() / 1e9, own / 100.0};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, System.nanoTime() / 1e9, 0};
        }
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
