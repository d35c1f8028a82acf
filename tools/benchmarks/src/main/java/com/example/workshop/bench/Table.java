package com.example.workshop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One Markdown table of the report, with a line saying how it was measured. */
final class Table {

    private final String title;
    private final String method;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String title, String method, String... headers) {
        this.title = title;
        this.method = method;
        this.headers = List.of(headers);
    }

    Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(title + ": " + cells.length + " cells for " + headers.size() + " columns");
        }
        rows.add(java.util.Arrays.stream(cells).map(Table::format).toList());
        return this;
    }

    static String format(Object cell) {
        return switch (cell) {
            case Double value when Double.isNaN(value) -> "n/a";
            case Double value when Math.abs(value) >= 100 -> String.format(Locale.ROOT, "%.0f", value);
            case Double value when Math.abs(value) >= 10 -> String.format(Locale.ROOT, "%.1f", value);
            case Double value -> String.format(Locale.ROOT, "%.2f", value);
            case null -> "";
            default -> cell.toString();
        };
    }

    String markdown() {
        StringBuilder out = new StringBuilder("### ").append(title).append("\n\n").append(method).append("\n\n");
        out.append("| ").append(String.join(" | ", headers)).append(" |\n");
        out.append("|").append(" --- |".repeat(headers.size())).append("\n");
        rows.forEach(row -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return out.append('\n').toString();
    }
}
