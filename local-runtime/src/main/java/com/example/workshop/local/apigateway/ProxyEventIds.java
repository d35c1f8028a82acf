package com.example.workshop.local.apigateway;

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
}
