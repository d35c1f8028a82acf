package com.example.workshop;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code {tag}} of {@code /tags/{tag}} and {@code /counts/{tag}}, checked before it reaches the table.
 * API Gateway has already URL-decoded it.
 */
public record Tag(String value) {

    /** Enough for any page name; keeps keys small and links readable (DynamoDB itself allows 2048 bytes). */
    public static final int MAX_LENGTH = 64;

    public static Tag fromPathParameters(Map<String, String> pathParameters) {
        String value = pathParameters == null ? null : pathParameters.get("tag");
        if (value == null || value.isBlank()) {
            throw new InvalidTagException("Missing tag: use a path like /tags/technology.");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidTagException("Tag too long: at most " + MAX_LENGTH + " characters.");
        }
        return new Tag(value);
    }

    /** The tag as HTML text: a tag is user input, and would otherwise be markup in the page. */
    public String html() {
        return Html.escape(value);
    }

    /** The tag as one URL path segment, so that "a/b" or "a b" links back to this same tag. */
    public String pathSegment() {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The request names no usable tag: answered with 400 before anything is read or written. */
    public static final class InvalidTagException extends RuntimeException {

        InvalidTagException(String message) {
            super(message);
        }
    }
}
