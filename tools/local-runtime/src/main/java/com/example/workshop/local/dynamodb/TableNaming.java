package com.example.workshop.local.dynamodb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Physical table names as CloudFormation generates them when a template gives no TableName:
 * {@code <stackName>-<LogicalId>-<13 upper-case letters and digits>}.
 */
public enum TableNaming {

    /** A new random suffix each time, as every fresh deployment gets. */
    RANDOM,

    /** The same suffix for the same stack and logical id, so a persisted database finds its tables again. */
    STABLE;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int SUFFIX_LENGTH = 13;
    private static final SecureRandom RANDOMNESS = new SecureRandom();

    public String physicalName(String stackName, String logicalId) {
        byte[] bytes = this == RANDOM ? randomBytes() : sha256(stackName + "/" + logicalId);
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix.append(ALPHABET.charAt(Byte.toUnsignedInt(bytes[i]) % ALPHABET.length()));
        }
        return stackName + "-" + logicalId + "-" + suffix;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[SUFFIX_LENGTH];
        RANDOMNESS.nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
