package org.openysb.supervision.metrics.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The monthly report (月报) as CSV (UTF-8 with BOM, for Excel) or .xlsx: one row per unit and a total row. */
@ApplicationScoped
public class MetricsExport {
    private final MetricsService metrics;

    public MetricsExport(MetricsService metrics) {
        this.metrics = metrics;
    }

    public byte[] csv(LocalDate from, LocalDate to) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<Object> row : rows(from, to)) {
            List<String> cells = new ArrayList<>();
            for (Object cell : row) {
                String text = cell == null ? "" : cell.toString();
                cells.add(text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx(LocalDate from, LocalDate to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "OpenYSB", "1.0");
            Worksheet sheet = workbook.newWorksheet("月报 " + from + " 至 " + to);
            List<List<Object>> rows = rows(from, to);
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object cell = row.get(c);
                    if (cell instanceof Number number) {
                        sheet.value(r, c, number);
                    } else if (cell != null) {
                        sheet.value(r, c, cell.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private List<List<Object>> rows(LocalDate from, LocalDate to) {
        List<MetricsReport> reports = new ArrayList<>(metrics.perUnit(from, to));
        reports.add(metrics.report(from, to, null, null, null, null));
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of("单位 unit"));
        for (MetricsReport.Rate rate : reports.get(reports.size() - 1).rates()) {
            header.add(rate.nameZh() + " 分子");
            header.add(rate.nameZh() + " 分母");
            header.add(rate.nameZh() + " 待定");
            header.add(rate.nameZh() + " " + rate.name());
        }
        header.add("三率综合 composite");
        rows.add(header);
        for (MetricsReport report : reports) {
            List<Object> row = new ArrayList<>();
            row.add(report.unit() == null ? "合计 total" : report.unit());
            for (MetricsReport.Rate rate : report.rates()) {
                row.add(rate.numerator());
                row.add(rate.denominator());
                row.add(rate.pending());
                row.add(rate.rate());
            }
            row.add(report.compositeScore());
            rows.add(row);
        }
        return rows;
    }
}
