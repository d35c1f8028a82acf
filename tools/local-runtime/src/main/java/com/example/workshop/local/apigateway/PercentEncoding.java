package com.example.workshop.local.apigateway;

import java.util.Optional;

/** Checks a URL's escapes before anything decodes it: {@code %} must be followed by two hexadecimal digits. */
final class PercentEncoding {

    private static final String HEX = "0123456789abcdefABCDEF";

    private PercentEncoding() {
    }

    /** The first {@code %} that does not start an escape, with what follows it (e.g. {@code %zz}); empty if none. */
    static Optional<String> firstMalformedEscape(String url) {
        for (int percent = url.indexOf('%'); percent >= 0; percent = url.indexOf('%', percent + 1)) {
            if (percent + 2 >= url.length() || !isHex(url.charAt(percent + 1)) || !isHex(url.charAt(percent + 2))) {
                return Optional.of(url.substring(percent, Math.min(url.length(), percent + 3)));
            }
        }
        return Optional.empty();
    }

    private static boolean isHex(char c) {
        return HEX.indexOf(c) >= 0;
    }
}
