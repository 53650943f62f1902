package org.openysb.intake.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The units and districts of departments.csv (reference data shipped with the service). */
public final class Units {
    private final Map<String, String[]> byCode;

    private Units(Map<String, String[]> byCode) {
        this.byCode = byCode;
    }

    public static Units load(String resource) {
        try (InputStream in = Units.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + resource);
            }
            Map<String, String[]> units = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.lines().skip(1).filter(line -> !line.isBlank()).forEach(line -> {
                String[] cells = line.split(",", -1);
                units.put(cells[0].trim(), cells);
            });
            return new Units(units);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isUnit(String code) {
        return byCode.containsKey(code);
    }

    public boolean isDistrict(String code) {
        String[] cells = byCode.get(code);
        return cells != null && "district".equals(cells[3].trim());
    }

    public Set<String> districts() {
        return byCode.keySet().stream().filter(this::isDistrict).collect(Collectors.toUnmodifiableSet());
    }

    /** A unit of departments.csv: code, Chinese and English name, kind (city, district, …). */
    public record Unit(String code, String name, String nameEn, String kind) {}

    /** Every unit, in the file's order. */
    public List<Unit> all() {
        return byCode.values().stream()
                .map(cells -> new Unit(cells[0].trim(), cells[1].trim(), cells[2].trim(), cells[3].trim()))
                .toList();
    }

    public Optional<String> nameOf(String code) {
        return Optional.ofNullable(byCode.get(code)).map(cells -> cells[1]);
    }
}
