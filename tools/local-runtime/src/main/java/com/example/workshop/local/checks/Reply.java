package com.example.workshop.local.checks;

/**
 * What came back for one request: a status, a Content-Type and a body, or, when nothing came back, why.
 *
 * @param request what was sent, e.g. {@code GET /Prod/tags/x}
 * @param failure null when the server answered
 */
public record Reply(String request, int status, String contentType, String body, String failure) {

    private static final int EXCERPT_LENGTH = 120;

    static Reply answered(String request, int status, String contentType, String body) {
        return new Reply(request, status, contentType, body == null ? "" : body, null);
    }

    static Reply unanswered(String request, String failure) {
        return new Reply(request, 0, null, "", failure);
    }

    public boolean answered() {
        return failure == null;
    }

    /** For a person: the status and the start of the body on one line, or why there was no answer. */
    public String summary() {
        return answered() ? "status " + status + ", body " + excerpt() : "no answer (" + failure + ")";
    }

    /** The start of the body, on one line, quoted. */
    public String excerpt() {
        String oneLine = body.replaceAll("\\s*\\R\\s*", " ").strip();
        return "\"" + (oneLine.length() <= EXCERPT_LENGTH ? oneLine : oneLine.substring(0, EXCERPT_LENGTH) + "...") + "\"";
    }
}
