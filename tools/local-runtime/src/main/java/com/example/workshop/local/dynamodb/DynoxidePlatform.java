package com.example.workshop.local.dynamodb;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * An {@code <os>-<cpu>} pair named the way Node.js and dynoxide's npm packages name it ({@code darwin-arm64},
 * {@code linux-x64}, ...), which is how {@code tools/dynoxide/install} picks the one package it installs.
 */
record DynoxidePlatform(String os, String cpu) {

    /** The platforms dynoxide publishes an npm package for ({@code @dynoxide/<name>}). */
    static final List<String> PUBLISHED = List.of("darwin-arm64", "darwin-x64", "linux-arm64", "linux-x64", "win32-x64");

    /** {@code override} (the {@code WORKSHOP_PLATFORM} variable, {@code <os>-<cpu>}) when set, else this JVM's platform. */
    static DynoxidePlatform current(String override) {
        if (override != null && override.contains("-")) {
            int dash = override.indexOf('-');
            return new DynoxidePlatform(override.substring(0, dash), override.substring(dash + 1));
        }
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** From Java's {@code os.name} and {@code os.arch}. */
    static DynoxidePlatform of(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("mac") || name.startsWith("darwin") ? "darwin"
                : name.startsWith("windows") ? "win32"
                : name.replace(" ", "");
        String cpu = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return new DynoxidePlatform(os, cpu);
    }

    String name() {
        return os + "-" + cpu;
    }

    boolean isPublished() {
        return PUBLISHED.contains(name());
    }

    String binaryName() {
        return os.equals("win32") ? "dynoxide.exe" : "dynoxide";
    }

    /**
     * This platform's package first; on macOS then the other Mac package, which runs there too (an x64 JVM on
     * Apple silicon reports x64 while the installer, through an arm64 Node.js, took the arm64 package).
     */
    List<DynoxidePlatform> runnable() {
        if (!os.equals("darwin")) {
            return List.of(this);
        }
        return Stream.of(cpu, cpu.equals("arm64") ? "x64" : "arm64").map(other -> new DynoxidePlatform(os, other)).toList();
    }
}
