package com.example.workshop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything measured in one run: series with their statistics, Markdown tables, checks against the targets. */
final class Report {

    /** One measured series, e.g. the cold starts of RecordVisitFunction as shipped. */
    record Series(String suite, String subject, String variant, String unit, Stats stats) {
    }

    /** A target of the performance issue, checked against what was measured. */
    record Check(String target, String measured, boolean met) {
    }

    private final Map<String, String> machine = Machine.describe();
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final List<Series> series = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    void setting(String name, Object value) {
        settings.put(name, value);
    }

    Series add(String suite, String subject, String variant, String unit, List<Double> samples) {
        Series added = new Series(suite, subject, variant, unit, Stats.of(samples));
        series.add(added);
        return added;
    }

    void add(Table table) {
        tables.add(table);
    }

    void check(String target, String measured, boolean met) {
        checks.add(new Check(target, measured, met));
        System.out.println((met ? "MET     " : "NOT MET ") + target + ": " + measured);
    }

    void fact(String name, Object value) {
        facts.put(name, value);
    }

    List<Series> series() {
        return List.copyOf(series);
    }

    /** The series of a results.json written by {@link #write}. */
    static List<Series> readSeries(Path directory) {
        try {
            ObjectMapper json = new ObjectMapper();
            return json.readValue(json.readTree(directory.resolve("results.json").toFile()).get("series").traverse(json),
                    json.getTypeFactory().constructCollectionType(List.class, Series.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("finishedAt", Instant.now().toString());
            json.put("machine", machine);
            json.put("settings", settings);
            json.put("checks", checks);
            json.put("facts", facts);
            json.put("series", series);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(directory.resolve("results.json").toFile(), json);
            Files.writeString(directory.resolve("results.csv"), csv());
            Files.writeString(directory.resolve("results.md"), markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String csv() {
        StringBuilder out = new StringBuilder("suite,subject,variant,unit,count,min,p25,median,p75,p99,max\n");
        for (Series s : series) {
            Stats st = s.stats();
            out.append(String.join(",", s.suite(), s.subject(), s.variant(), s.unit(), Integer.toString(st.count())))
                    .append(String.format(Locale.ROOT, ",%.3f,%.3f,%.3f,%.3f,%.3f,%.3f%n",
                            st.min(), st.p25(), st.median(), st.p75(), st.p99(), st.max()));
        }
        return out.toString();
    }

    private String markdown() {
        StringBuilder out = new StringBuilder("## Benchmark results\n\n");
        out.append("Machine: ");
        machine.forEach((key, value) -> out.append(key).append(" = ").append(value).append("; "));
        out.append("\n\nSettings: ").append(settings).append("\n\n");
        if (!checks.isEmpty()) {
            out.append("### Targets\n\n| target | measured | met |\n| --- | --- | --- |\n");
            checks.forEach(c -> out.append("| ").append(c.target()).append(" | ").append(c.measured())
                    .append(" | ").append(c.met() ? "yes" : "**no**").append(" |\n"));
            out.append('\n');
        }
        tables.forEach(table -> out.append(table.markdown()));
        return out.toString();
    }
}
