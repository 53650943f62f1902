package org.openysb.supervision.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Chinese names of units and categories for public figures, from the reference data shipped with the service
 * (departments.csv, responsibility-matrix.csv; the matrix's first name of a category). An unknown code is its own
 * name.
 */
@ApplicationScoped
public class ReferenceNames {
    private final Map<String, String> units = read("reference/departments.csv");
    private final Map<String, String> categories = read("reference/responsibility-matrix.csv");

    public String unit(String code) {
        return units.getOrDefault(code, code);
    }

    public String category(String code) {
        return categories.getOrDefault(code, code);
    }

    /** The first two columns (code, Chinese name) of a CSV with a header line; the first name of a code wins. */
    private static Map<String, String> read(String resource) {
        Map<String, String> names = new HashMap<>();
        try (InputStream in = ReferenceNames.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return names;
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .skip(1)
                    .map(line -> line.split(",", 3))
                    .filter(cells -> cells.length >= 2)
                    .forEach(cells -> names.putIfAbsent(cells[0].trim(), cells[1].trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
