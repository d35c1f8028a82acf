package com.example.workshop.local.process;

import java.util.Locale;

/**
 * {@code WORKSHOP_PORTABLE=1}: run without anything Linux-only, as on macOS, so that CI proves those paths on Linux.
 * Function JVMs then start through the portable bootstrap instead of the official runtime interface client (whose
 * JNI library exists for Linux only), children through plain {@link ProcessBuilder} instead of
 * {@code setpriv --pdeathsig}, and Max Memory Used is not read from {@code /proc}.
 */
public final class PortableMode {

    public static final String VARIABLE = "WORKSHOP_PORTABLE";

    private static final boolean ON = isOn(System.getenv(VARIABLE));

    private PortableMode() {
    }

    /** Whether this JVM was started with WORKSHOP_PORTABLE=1 (or true). */
    public static boolean on() {
        return ON;
    }

    static boolean isOn(String value) {
        return value != null && (value.equals("1") || value.toLowerCase(Locale.ROOT).equals("true"));
    }
}
