package com.example.workshop.local.lambda.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;

/**
 * The Lambda Runtime API (2018-06-01) from the runtime's side, over the JDK's HTTP client (kept-alive connections,
 * nothing native). See https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html.
 */
final class RuntimeApiClient {

    private static final String USER_AGENT = "aws-lambda-java/workshop-portable-bootstrap";
    private static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";

    private final String base;

    /** @param hostAndPort the value of AWS_LAMBDA_RUNTIME_API */
    RuntimeApiClient(String hostAndPort) {
        this.base = "http://" + hostAndPort + "/2018-06-01/runtime";
    }

    /** Waits for the next event, as long as it takes. */
    NextInvocation next() throws IOException {
        HttpURLConnection connection = open("/invocation/next");
        connection.setRequestMethod("GET");
        int status = connection.getResponseCode();
        if (status != HttpURLConnection.HTTP_OK) {
            drain(connection);
            throw new IOException("GET /invocation/next answered " + status);
        }
        byte[] payload;
        try (InputStream body = connection.getInputStream()) {
            payload = body.readAllBytes();
        }
        String requestId = connection.getHeaderField("Lambda-Runtime-Aws-Request-Id");
        if (requestId == null || requestId.isEmpty()) {
            throw new IOException("GET /invocation/next answered without Lambda-Runtime-Aws-Request-Id");
        }
        return new NextInvocation(requestId,
                connection.getHeaderFieldLong("Lambda-Runtime-Deadline-Ms", 0),
                connection.getHeaderField("Lambda-Runtime-Invoked-Function-Arn"),
                nonEmpty(connection.getHeaderField("Lambda-Runtime-Trace-Id")),
                nonEmpty(connection.getHeaderField("Lambda-Runtime-Client-Context")),
                nonEmpty(connection.getHeaderField("Lambda-Runtime-Cognito-Identity")),
                nonEmpty(connection.getHeaderField("Lambda-Runtime-Aws-Tenant-Id")),
                payload);
    }

    void respond(String requestId, byte[] response) {
        post("/invocation/" + requestId + "/response", null, response);
    }

    void reportError(String requestId, ErrorReport error) {
        post("/invocation/" + requestId + "/error", error.runtimeErrorType(), error.json());
    }

    void reportInitError(ErrorReport error) {
        post("/init/error", error.runtimeErrorType(), error.json());
    }

    /** Fails unless the Runtime API accepts the post (202), e.g. with 413 for a response over 6 MB. */
    private void post(String path, String errorType, byte[] body) {
        try {
            HttpURLConnection connection = open(path);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/json");
            if (errorType != null) {
                connection.setRequestProperty(ERROR_TYPE_HEADER, errorType);
            }
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            drain(connection);
            if (status != HttpURLConnection.HTTP_ACCEPTED) {
                throw new IllegalStateException("POST " + path + " answered " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " failed", e);
        }
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection(Proxy.NO_PROXY);
        connection.setRequestProperty("User-Agent", USER_AGENT);
        return connection;
    }

    /** Reads what is left of the answer so the connection can be kept alive for the next request. */
    private static void drain(HttpURLConnection connection) throws IOException {
        InputStream body = connection.getResponseCode() >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (body != null) {
            try (body) {
                body.readAllBytes();
            }
        }
    }

    private static String nonEmpty(String header) {
        return header == null || header.isEmpty() ? null : header;
    }
}
