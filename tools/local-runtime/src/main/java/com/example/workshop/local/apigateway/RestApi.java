package com.example.workshop.local.apigateway;

import com.example.workshop.local.http.Header;
import com.example.workshop.local.http.HttpRequest;
import com.example.workshop.local.http.HttpResponse;
import com.example.workshop.local.http.LoopbackHttpServer;
import com.example.workshop.local.http.RequestLimits;
import com.example.workshop.local.lambda.InvocationResult;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The implicit REST API SAM creates from a template's {@code Type: Api} events, served at
 * {@code http://127.0.0.1:<port>/Prod/...} and, like {@code sam local start-api}, at {@code /...} too. Its access
 * log is one line per request: {@code [API] GET /Prod/ 200 12 ms (MainFunction)}.
 */
public final class RestApi implements AutoCloseable {

    /**
     * API Gateway's limits for an edge-optimized REST API, which SAM's implicit API is: a URL of 8,192 characters,
     * 10,240 bytes of headers, a 10 MB payload. A request must arrive within 30 seconds of its first byte.
     */
    static final RequestLimits API_GATEWAY_LIMITS =
            new RequestLimits(8192, 10_240, 10L * 1024 * 1024, Duration.ofSeconds(30));

    public static final String STAGE = "Prod";
    private static final String MISSING_AUTHENTICATION_TOKEN = "{\"message\":\"Missing Authentication Token\"}";
    private static final String INTERNAL_SERVER_ERROR = "{\"message\": \"Internal server error\"}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger ACCESS_LOG = System.getLogger(RestApi.class.getName());

    private volatile List<Route> routes;
    private final String apiId;
    private final LoopbackHttpServer server;

    private RestApi(List<Route> routes, int port, String apiId, RequestLimits limits) throws IOException {
        this.routes = bySpecificity(routes);
        this.apiId = apiId;
        this.server = new LoopbackHttpServer(port, limits, this::handle);
    }

    /** A new API id, ten lower-case letters and digits like {@code abcdef1234}: what {@code !Ref ServerlessRestApi} gives. */
    public static String newApiId() {
        return ProxyEventIds.apiId();
    }

    public static RestApi start(List<Route> routes, int port) {
        return start(routes, port, newApiId());
    }

    /**
     * @param port      0 for any free port
     * @param apiId     the id events carry in requestContext.apiId
     */
    public static RestApi start(List<Route> routes, int port, String apiId) {
        return start(routes, port, apiId, API_GATEWAY_LIMITS);
    }

    /** With other limits than API Gateway's: a short timeout, for a test. */
    static RestApi start(List<Route> routes, int port, String apiId, RequestLimits limits) {
        try {
            return new RestApi(routes, port, apiId, limits);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the API on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.port();
    }

    /** e.g. {@code http://127.0.0.1:3000/Prod/} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/" + STAGE + "/";
    }

    public List<Route> routes() {
        return routes;
    }

    /** A reload's new routes: a request already routed finishes where it went, the next ones take the new routes. */
    public void replaceRoutes(List<Route> next) {
        routes = bySpecificity(next);
    }

    private static List<Route> bySpecificity(List<Route> routes) {
        return routes.stream().sorted(Comparator.comparingInt(Route::specificity).reversed()).toList();
    }

    /** What the API answers, and why when the function is to blame (the access log line says it). */
    private record Answer(HttpResponse response, String functionFailure) {
    }

    private HttpResponse handle(HttpRequest request) {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String path = withoutStage(request.rawPath());
        Optional<String> malformedEscape = PercentEncoding.firstMalformedEscape(request.target());
        Optional<Match> match = malformedEscape.isPresent() ? Optional.empty() : match(request.method(), path);
        Answer answer;
        try {
            answer = malformedEscape.isPresent()
                    ? new Answer(error(400, message("Malformed percent-encoding in the URL: " + malformedEscape.get()),
                            "BadRequestException", requestId), null)
                    : match.map(found -> integrate(request, found, path, requestId))
                            .orElseGet(() -> new Answer(error(403, MISSING_AUTHENTICATION_TOKEN,
                                    "MissingAuthenticationTokenException", requestId), null));
        } catch (RuntimeException e) {
            ACCESS_LOG.log(Level.WARNING, "[API] failed: " + e);
            answer = new Answer(error(500, INTERNAL_SERVER_ERROR, "InternalServerErrorException", requestId), null);
        }
        ACCESS_LOG.log(Level.INFO, String.format("[API] %s %s %d %d ms%s%s", request.method(), request.target(),
                answer.response().status(), (System.nanoTime() - started) / 1_000_000,
                match.map(found -> " (" + found.route().functionName() + ")").orElse(""),
                answer.functionFailure() == null ? "" : " " + answer.functionFailure()));
        return answer.response();
    }

    private static String message(String message) {
        return JSON.createObjectNode().put("message", message).toString();
    }

    private static String withoutStage(String rawPath) {
        if (rawPath.equals("/" + STAGE)) {
            return "/";
        }
        return rawPath.startsWith("/" + STAGE + "/") ? rawPath.substring(STAGE.length() + 1) : rawPath;
    }

    private record Match(Route route, Map<String, String> pathParameters) {
    }

    private Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(method, path);
            if (parameters.isPresent()) {
                return Optional.of(new Match(route, parameters.get()));
            }
        }
        return Optional.empty();
    }

    private Answer integrate(HttpRequest request, Match match, String path, String requestId) {
        String event = ProxyEvent.of(request, match.route(), path, match.pathParameters(), STAGE, apiId, requestId,
                Instant.now()).toString();
        InvocationResult result;
        try {
            result = match.route().function().invoke(event);
        } catch (RuntimeException e) {
            ACCESS_LOG.log(Level.WARNING, "[API] invoking " + match.route().functionName() + " failed: " + e.getMessage());
            return new Answer(error(502, INTERNAL_SERVER_ERROR, "InternalServerErrorException", requestId), null);
        }
        Optional<HttpResponse> response = ProxyResponse.from(result).map(proxied -> withRequestId(proxied, requestId));
        if (response.isPresent()) {
            return new Answer(response.get(), null);
        }
        return new Answer(error(502, INTERNAL_SERVER_ERROR, "InternalServerErrorException", requestId),
                result.succeeded() ? "Malformed Lambda proxy response" : result.errorSummary());
    }

    private static HttpResponse withRequestId(HttpResponse response, String requestId) {
        List<Header> headers = new java.util.ArrayList<>(response.headers());
        headers.add(new Header("x-amzn-RequestId", requestId));
        return new HttpResponse(response.status(), headers, response.body());
    }

    private static HttpResponse error(int status, String body, String errorType, String requestId) {
        return HttpResponse.json(status, body, List.of(
                new Header("x-amzn-RequestId", requestId),
                new Header("x-amzn-ErrorType", errorType)));
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
