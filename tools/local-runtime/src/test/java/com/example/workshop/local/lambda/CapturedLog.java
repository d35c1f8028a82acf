package com.example.workshop.local.lambda;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the log lines a test's functions write, and shows them on the console too. */
public final class CapturedLog implements FunctionLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final FunctionLog console = FunctionLog.printingTo(System.out);

    @Override
    public void line(String functionName, String line) {
        lines.add(line);
        console.line(functionName, line);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public List<String> linesStartingWith(String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).toList();
    }

    public boolean contains(String fragment) {
        return lines.stream().anyMatch(line -> line.contains(fragment));
    }
}
