package com.example.workshop.local.http;

/**
 * The first line of a request, {@code GET /Prod/tags?x=1 HTTP/1.1}: a method, one space, a target in origin form
 * (a path and an optional query, printable ASCII only), one space, HTTP/1.1 or HTTP/1.0.
 */
public record RequestLine(String method, String target, String version) {

    /**
     * @param maxTargetChars the longest target accepted; a longer one is 414 URI Too Long
     * @throws MalformedHttpException 400 for anything else than the form above, 505 for another HTTP version
     */
    public static RequestLine parse(String line, int maxTargetChars) throws MalformedHttpException {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3) {
            throw MalformedHttpException.badRequest("not a request line (a method, a target and the HTTP version, "
                    + "separated by single spaces): " + HttpHead.printable(line));
        }
        String method = parts[0];
        String target = parts[1];
        String version = parts[2];
        if (!HttpHead.isToken(method)) {
            throw MalformedHttpException.badRequest("not a method: " + HttpHead.printable(method));
        }
        if (target.length() > maxTargetChars) {
            throw new MalformedHttpException(414, "the URL is longer than " + maxTargetChars + " characters");
        }
        if (!target.startsWith("/") || !target.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw MalformedHttpException.badRequest("not a request target (a path starting with /, characters other "
                    + "than printable ASCII percent-encoded): " + HttpHead.printable(target));
        }
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw version.matches("HTTP/\\d(\\.\\d)?")
                    ? new MalformedHttpException(505, "HTTP version not supported: " + version)
                    : MalformedHttpException.badRequest("not an HTTP version: " + HttpHead.printable(version));
        }
        return new RequestLine(method, target, version);
    }

    @Override
    public String toString() {
        return method + " " + target + " " + version;
    }
}
