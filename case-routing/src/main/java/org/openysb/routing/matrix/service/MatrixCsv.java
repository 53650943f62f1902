package org.openysb.routing.matrix.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The responsibility-matrix CSV (columns {@code category,name_zh,name_en,lead,co_handlers,scope,basis}, UTF-8, header
 * first, co-handlers separated by {@code ;}). Fields may be quoted (RFC 4180); an unquoted basis may contain commas,
 * as in the default file.
 */
public final class MatrixCsv {
    public static final List<String> HEADER =
            List.of("category", "name_zh", "name_en", "lead", "co_handlers", "scope", "basis");

    /** One data line: its line number in the file (the header is line 1) and its cells. */
    public record Line(int number, List<String> cells) {}

    private MatrixCsv() {}

    /** The header and data lines; blank lines are skipped. */
    public static List<Line> parse(String text) {
        List<Line> lines = new ArrayList<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] raw = body.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            if (!raw[i].isBlank()) {
                lines.add(new Line(i + 1, cells(raw[i])));
            }
        }
        return lines;
    }

    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                cell.setLength(0);
            } else if (ch == ',' && (cells.size() < HEADER.size() - 1 || wasQuoted)) {
                cells.add(wasQuoted ? cell.toString() : cell.toString().trim());
                cell.setLength(0);
                wasQuoted = false;
            } else {
                cell.append(ch);
            }
        }
        cells.add(wasQuoted ? cell.toString() : cell.toString().trim());
        return cells;
    }

    /** Writes rows as CSV (quoting where needed), header first. */
    public static String write(List<List<String>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String v = row.get(i) == null ? "" : row.get(i);
                if (i > 0) {
                    out.append(',');
                }
                out.append(v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
