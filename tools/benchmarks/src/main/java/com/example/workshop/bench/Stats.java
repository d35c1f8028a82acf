package com.example.workshop.bench;

import java.util.Collection;

/** Order statistics of one measured series, in the series' unit (ms unless said otherwise). */
public record Stats(int count, double min, double p25, double median, double p75, double p99, double max) {

    public static Stats of(Collection<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Stats(sorted.length, sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5),
                quantile(sorted, 0.75), quantile(sorted, 0.99), sorted[sorted.length - 1]);
    }

    /** Linear interpolation between closest ranks (the "R-7" definition spreadsheets use). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    @Override
    public String toString() {
        return "median %.1f (IQR %.1f-%.1f, min %.1f, max %.1f, n=%d)".formatted(median, p25, p75, min, max, count);
    }
}
