package com.example.workshop.local.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What one reply must show, collected as a list of expectations; the first one it misses is what the check
 * reports it got.
 */
final class Expectation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Reply reply;
    private final List<String> expected = new ArrayList<>();
    private String sent;
    private String mismatch;
    private JsonNode json;
    private boolean parsed;
    private String jsonRoot = "";

    private Expectation(Reply reply) {
        this.reply = reply;
        this.sent = reply.request();
    }

    static Expectation of(Reply reply) {
        return new Expectation(reply);
    }

    /** When the check sent more than this one request, e.g. {@code GET a, then GET b}. */
    Expectation sent(String description) {
        this.sent = description;
        return this;
    }

    /** Later JSON pointers are read under {@code root}, e.g. {@code /table/Table}, and named without it. */
    Expectation under(String root) {
        this.jsonRoot = root;
        return this;
    }

    Expectation status(int status) {
        return that("status " + status, reply.answered() && reply.status() == status, reply::summary);
    }

    Expectation contentType(String prefix) {
        return that("Content-Type " + prefix, reply.contentType() != null && reply.contentType().startsWith(prefix),
                () -> "Content-Type " + reply.contentType());
    }

    Expectation contains(String text) {
        return that("a body with " + quote(text), reply.body().contains(text), () -> "a body without it: " + reply.excerpt());
    }

    Expectation lacks(String text) {
        return that("no " + quote(text) + " in the body", !reply.body().contains(text), () -> "a body with it: " + reply.excerpt());
    }

    /** The JSON value at {@code pointer} (e.g. {@code /event/httpMethod}) written as JSON, e.g. {@code "GET"}. */
    Expectation json(String pointer, String expectedJson) {
        JsonNode node = at(jsonRoot + pointer);
        return that(name(pointer) + " = " + expectedJson, node != null && node.toString().equals(expectedJson),
                () -> found(pointer, node));
    }

    /** A value other than null at each pointer. */
    Expectation jsonPresent(List<String> pointers) {
        List<String> missing = pointers.stream().filter(pointer -> {
            JsonNode node = at(jsonRoot + pointer);
            return node == null || node.isMissingNode() || node.isNull();
        }).map(Expectation::name).toList();
        return that("values for " + pointers.stream().map(Expectation::name).toList(), missing.isEmpty(),
                () -> at("") == null ? found("", null) : "none for " + missing);
    }

    /** A text at {@code pointer} that passes {@code test}, described as {@code description}. */
    Expectation jsonText(String pointer, String description, Predicate<String> test) {
        JsonNode node = at(jsonRoot + pointer);
        return that(name(pointer) + " " + description, node != null && node.isTextual() && test.test(node.asText()),
                () -> found(pointer, node));
    }

    private String found(String pointer, JsonNode node) {
        if (node == null) {
            return reply.answered() ? "a body that is not JSON: " + reply.excerpt() : reply.summary();
        }
        return name(pointer) + " = " + (node.isMissingNode() ? "(missing)" : node);
    }

    /** {@code /event/requestContext/stage} is named {@code event.requestContext.stage}. */
    private static String name(String pointer) {
        return pointer.substring(1).replace('/', '.');
    }

    /** The node at {@code pointer} of the body's JSON, or null when the body is not JSON (the mismatch says so). */
    JsonNode at(String pointer) {
        if (!parsed) {
            parsed = true;
            try {
                json = reply.answered() ? JSON.readTree(reply.body()) : null;
            } catch (JsonProcessingException e) {
                json = null;
            }
        }
        return json == null ? null : json.at(pointer);
    }

    /** The text at {@code pointer}, or null. */
    String text(String pointer) {
        JsonNode node = at(pointer);
        return node == null || !node.isTextual() ? null : node.asText();
    }

    Expectation that(String expectation, boolean holds, Supplier<String> got) {
        expected.add(expectation);
        if (mismatch == null && !holds) {
            mismatch = got.get();
        }
        return this;
    }

    Outcome outcome() {
        return outcome("as expected");
    }

    Outcome outcome(String gotWhenPassed) {
        return new Outcome(mismatch == null, sent, String.join(", ", expected), mismatch == null ? gotWhenPassed : mismatch);
    }

    static String quote(String text) {
        return "'" + text + "'";
    }
}
