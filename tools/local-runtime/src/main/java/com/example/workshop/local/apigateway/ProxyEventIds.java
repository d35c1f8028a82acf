package com.example.workshop.local.apigateway;

import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers in API Gateway's own formats. */
final class ProxyEventIds {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private ProxyEventIds() {
    }

    /** Ten lower-case letters and digits, like {@code abcdef1234}. */
    static String apiId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** Six characters, the same for the same resource path, like {@code a1b2c3}. */
    static String resourceId(String resourcePath) {
        long sixBase36Digits = 36L * 36 * 36 * 36 * 36 * 36;
        String id = Long.toString(Math.floorMod((long) resourcePath.hashCode(), sixBase36Digits), 36);
        return "0".repeat(6 - id.length()) + id;
    }

    /** Sixteen base64 characters, like {@code BQGojGkyoAMFaXw=}. */
    static String extendedRequestId() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return Base64.getEncoder().encodeToString(random).substring(0, 15) + "=";
    }
}
