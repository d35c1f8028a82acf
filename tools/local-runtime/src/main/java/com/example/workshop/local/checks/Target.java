package com.example.workshop.local.checks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The API under test, named by its base URL: a deployed stack's {@code APIEndpoint} output such as
 * {@code https://abc123.execute-api.us-east-1.amazonaws.com/Prod/}, or a local {@code http://127.0.0.1:3000/Prod/}.
 */
public final class Target {

    /** API Gateway gives up on an integration after 29 s; a cold Java function answers well within that. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(35);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Target(URI base) {
        this.base = base;
    }

    /** @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL without query or fragment */
    public static Target of(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("expected the API's base URL, such as "
                    + "https://abc123.execute-api.us-east-1.amazonaws.com/Prod/ or http://127.0.0.1:3000/Prod/, got '" + url + "'");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new Target(URI.create(scheme + "://" + uri.getRawAuthority() + (path.endsWith("/") ? path : path + "/")));
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: '" + url + "' (" + e.getReason() + ")");
        }
    }

    /** The base URL, ending with a slash. */
    public URI base() {
        return base;
    }

    /** The API Gateway stage the URL names: its first path segment ({@code Prod}), or null for a URL at the root. */
    public String stageName() {
        String path = base.getPath();
        return path.length() <= 1 ? null : path.substring(1, path.indexOf('/', 1));
    }

    /** {@code relative} is already encoded, e.g. {@code counts/a%3Cb%3E}. */
    public URI resolve(String relative) {
        return URI.create(base + relative);
    }

    public Reply get(String relative) {
        return get(resolve(relative));
    }

    public Reply get(URI uri) {
        String request = describe(uri);
        try {
            var response = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(), BodyHandlers.ofString());
            return Reply.answered(request, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            return Reply.unanswered(request, reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.unanswered(request, "interrupted");
        }
    }

    /** e.g. {@code GET /Prod/tags/x}: the host is printed once, at the top of a run. */
    static String describe(URI uri) {
        return "GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The JDK's client throws some of these without a message, or with the useful one in a cause. */
    private static String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within 10 s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof ConnectException && (e.getMessage() == null || e.getMessage().isBlank())) {
            return "connection refused";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
