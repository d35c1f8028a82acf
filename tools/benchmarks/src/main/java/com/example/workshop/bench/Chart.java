package com.example.workshop.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * The report's one chart, drawn with java.awt (headless): cold-start medians per function as bars, one colour per
 * variant, with the interquartile range as a thick whisker and min-max as a thin one. Top panel: wall time to the
 * first response; bottom panel: CPU time the function's JVM spent on it.
 */
final class Chart {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 520;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 60;
    private static final int BOTTOM = 130;
    private static final Color[] PALETTE = {
            new Color(0x2E86AB), new Color(0xE4572E), new Color(0x76B041), new Color(0xFFC914),
            new Color(0x9B5DE5), new Color(0x8D99AE), new Color(0x17BEBB)};

    private Chart() {
    }

    static void coldStarts(List<Report.Series> series, Path file) {
        Set<String> variants = new LinkedHashSet<>();
        twoPanels(groups(series, "", variants), groups(series, ColdStartSuite.CPU, variants), variants,
                "Cold start, process start to first response, wall ms: median bar, IQR thick, min-max thin",
                "Same cold starts, CPU ms used by the function's JVM (user + system)", file);
    }

    /**
     * The learner's loop: start to first page per variant and {@code ./workshop check N} per stage, wall time on top
     * and CPU time below. Written only when the run measured them.
     */
    static void learnersLoop(List<Report.Series> series, Path file) {
        Set<String> variants = new LinkedHashSet<>();
        twoPanels(loopGroups(series, "", variants), loopGroups(series, LoopSuite.CPU, variants), variants,
                "The learner's loop, wall ms: median bar, IQR thick, min-max thin",
                "Same runs, CPU ms (user + system of every process involved)", file);
    }

    /** Wall time on top, CPU time below; nothing is written when nothing was measured. */
    private static void twoPanels(Map<String, Map<String, Stats>> wall, Map<String, Map<String, Stats>> cpu,
                                  Set<String> variants, String wallTitle, String cpuTitle, Path file) {
        if (wall.isEmpty()) {
            return;
        }
        BufferedImage image = new BufferedImage(WIDTH, 2 * HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, wall, List.copyOf(variants), wallTitle);
            g.translate(0, HEIGHT);
            draw(g, cpu, List.copyOf(variants), cpuTitle);
        } finally {
            g.dispose();
        }
        write(image, file);
    }

    private static Map<String, Map<String, Stats>> loopGroups(List<Report.Series> series, String suffix,
                                                              Set<String> variants) {
        Map<String, String> titles = Map.of(LoopSuite.START_SUITE, "run to page: ", LoopSuite.CHECK_SUITE, "check: ");
        Map<String, Map<String, Stats>> groups = new LinkedHashMap<>();
        for (String suite : List.of(LoopSuite.START_SUITE, LoopSuite.CHECK_SUITE)) {
            for (Report.Series s : series) {
                if (s.suite().equals(suite + suffix)) {
                    groups.computeIfAbsent(titles.get(suite) + s.subject(), g -> new LinkedHashMap<>())
                            .put(s.variant(), s.stats());
                    variants.add(s.variant());
                }
            }
        }
        return groups;
    }

    private static void write(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per function (the start-up options as their own groups), each variant's statistics. */
    private static Map<String, Map<String, Stats>> groups(List<Report.Series> series, String suffix, Set<String> variants) {
        Map<String, Map<String, Stats>> groups = new LinkedHashMap<>();
        for (Report.Series s : series) {
            boolean options = s.suite().equals(ColdStartSuite.OPTIONS_SUITE + suffix);
            if (options || s.suite().equals(ColdStartSuite.SUITE + suffix)) {
                String group = options ? "options: " + s.subject() : s.subject();
                groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(s.variant(), s.stats());
                variants.add(s.variant());
            }
        }
        return groups;
    }

    private static void draw(Graphics2D g, Map<String, Map<String, Stats>> groups, List<String> variants, String title) {
        if (groups.isEmpty()) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double max = groups.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Stats::max).max().orElse(1);
        double scale = niceCeiling(max);
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotWidth = WIDTH - LEFT - RIGHT;

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 25);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int tick = 0; tick <= 5; tick++) {
            double value = scale * tick / 5;
            int y = TOP + plotHeight - (int) (plotHeight * value / scale);
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Table.format(value), 10, y + 4);
        }

        int groupWidth = plotWidth / groups.size();
        int barWidth = Math.max(4, (groupWidth - 12) / Math.max(1, variants.size()));
        int index = 0;
        for (Map.Entry<String, Map<String, Stats>> group : groups.entrySet()) {
            int groupX = LEFT + index++ * groupWidth + 6;
            int barsInGroup = 0;
            for (String variant : variants) {
                Stats stats = group.getValue().get(variant);
                if (stats == null) {
                    continue;
                }
                int x = groupX + barsInGroup++ * barWidth;
                g.setColor(PALETTE[variants.indexOf(variant) % PALETTE.length]);
                int top = y(stats.median(), scale, plotHeight);
                g.fillRect(x + 1, top, barWidth - 2, TOP + plotHeight - top);
                whisker(g, x + barWidth / 2, stats, scale, plotHeight);
            }
            label(g, group.getKey(), groupX, groupWidth);
        }
        legend(g, variants);
    }

    private static void whisker(Graphics2D g, int x, Stats stats, double scale, int plotHeight) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(x, y(stats.min(), scale, plotHeight), x, y(stats.max(), scale, plotHeight));
        g.setStroke(new BasicStroke(4));
        g.drawLine(x, y(stats.p25(), scale, plotHeight), x, y(stats.p75(), scale, plotHeight));
        g.setStroke(new BasicStroke(1));
    }

    /** "module-3-counter/RecordVisitFunction" as "module-3 / RecordVisit", on two lines. */
    private static void label(Graphics2D g, String text, int x, int width) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int y = TOP + (HEIGHT - TOP - BOTTOM) + 14;
        String shortened = text.replaceAll("(module-\\d)-[a-z]+", "$1").replace("Function", "").replace(": ", ":\n");
        for (String part : shortened.replace("/", "\n").split("\n")) {
            int textWidth = g.getFontMetrics().stringWidth(part);
            g.drawString(part, x + Math.max(0, (width - 12 - textWidth) / 2), y);
            y += 13;
        }
    }

    private static void legend(Graphics2D g, List<String> variants) {
        int x = LEFT;
        int y = HEIGHT - 22;
        for (int i = 0; i < variants.size(); i++) {
            g.setColor(PALETTE[i % PALETTE.length]);
            g.fillRect(x, y - 10, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(variants.get(i), x + 16, y);
            x += 30 + g.getFontMetrics().stringWidth(variants.get(i));
        }
    }

    private static int y(double value, double scale, int plotHeight) {
        return TOP + plotHeight - (int) Math.round(plotHeight * Math.min(value, scale) / scale);
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
