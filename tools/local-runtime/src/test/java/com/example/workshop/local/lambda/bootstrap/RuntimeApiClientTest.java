package com.example.workshop.local.lambda.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.api.LambdaClientContext;
import com.amazonaws.services.lambda.runtime.api.client.api.LambdaCognitoIdentity;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.DtoSerializers;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.converters.LambdaErrorConverter;
import com.amazonaws.services.lambda.runtime.serialization.factories.GsonFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portable bootstrap's side of the Runtime API against a real HTTP server: every Lambda-Runtime-* header reaches
 * the Context, read as the official client reads it (the Mobile SDK's client context and Cognito identity too, which
 * the local runtime never sends), and errors are posted byte for byte as the official client posts them.
 */
class RuntimeApiClientTest {

    private static final String CLIENT_CONTEXT = """
            {"client":{"installation_id":"install-1","app_title":"Visits","app_version_name":"1.2","app_version_code":"12",\
            "app_package_name":"com.example.visits"},"custom":{"theme":"dark"},"env":{"platform":"iPhoneOS","locale":"fr_FR"}}""";
    private static final String COGNITO_IDENTITY = "{\"cognitoIdentityId\":\"eu-west-1:id-1\",\"cognitoIdentityPoolId\":\"eu-west-1:pool-1\"}";

    private record Post(String path, String errorType, byte[] body) {
    }

    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private int postStatus = 202;

    @BeforeEach
    void startRuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/2018-06-01/runtime/", this::handle);
        server.start();
    }

    @AfterEach
    void stopRuntimeApi() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("GET")) {
                Map.of("Lambda-Runtime-Aws-Request-Id", "request-1",
                        "Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 3_000),
                        "Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:eu-west-1:123456789012:function:Visits",
                        "Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
                        "Lambda-Runtime-Client-Context", CLIENT_CONTEXT,
                        "Lambda-Runtime-Cognito-Identity", COGNITO_IDENTITY,
                        "Lambda-Runtime-Aws-Tenant-Id", "tenant-1")
                        .forEach(exchange.getResponseHeaders()::set);
                byte[] event = "{\"visits\":1}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, event.length);
                exchange.getResponseBody().write(event);
            } else {
                posts.add(new Post(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"),
                        exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(postStatus, -1);
            }
        }
    }

    private RuntimeApiClient client() {
        return new RuntimeApiClient("127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void everyHeaderReachesTheContextAsTheOfficialClientReadsIt() throws IOException {
        NextInvocation next = client().next();
        FunctionEnvironment function = FunctionEnvironment.from(Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001",
                "AWS_LAMBDA_FUNCTION_NAME", "Visits", "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512", "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/Visits",
                "AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/27/[$LATEST]abc"));
        Context context = new InvocationContext(next, function);

        assertArrayEquals("{\"visits\":1}".getBytes(StandardCharsets.UTF_8), next.payload());
        assertEquals("request-1", context.getAwsRequestId());
        assertEquals("arn:aws:lambda:eu-west-1:123456789012:function:Visits", context.getInvokedFunctionArn());
        assertEquals("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", context.getXrayTraceId());
        assertEquals("tenant-1", context.getTenantId());
        assertTrue(context.getRemainingTimeInMillis() > 1_000 && context.getRemainingTimeInMillis() <= 3_000);
        assertEquals(List.of("Visits", "$LATEST", 512, "/aws/lambda/Visits", "2026/11/27/[$LATEST]abc"),
                List.of(context.getFunctionName(), context.getFunctionVersion(), context.getMemoryLimitInMB(),
                        context.getLogGroupName(), context.getLogStreamName()));

        LambdaClientContext official = GsonFactory.getInstance().getSerializer(LambdaClientContext.class).fromJson(CLIENT_CONTEXT);
        assertEquals(List.of(official.getClient().getInstallationId(), official.getClient().getAppTitle(),
                        official.getClient().getAppVersionName(), official.getClient().getAppVersionCode(),
                        official.getClient().getAppPackageName(), official.getCustom(), official.getEnvironment()),
                List.of(context.getClientContext().getClient().getInstallationId(), context.getClientContext().getClient().getAppTitle(),
                        context.getClientContext().getClient().getAppVersionName(), context.getClientContext().getClient().getAppVersionCode(),
                        context.getClientContext().getClient().getAppPackageName(), context.getClientContext().getCustom(),
                        context.getClientContext().getEnvironment()));
        assertEquals("install-1", context.getClientContext().getClient().getInstallationId());
        LambdaCognitoIdentity officialIdentity = GsonFactory.getInstance().getSerializer(LambdaCognitoIdentity.class).fromJson(COGNITO_IDENTITY);
        assertEquals(List.of(officialIdentity.getIdentityId(), officialIdentity.getIdentityPoolId()),
                List.of(context.getIdentity().getIdentityId(), context.getIdentity().getIdentityPoolId()));
        assertEquals("eu-west-1:pool-1", context.getIdentity().getIdentityPoolId());
    }

    @Test
    void errorsArePostedAsTheOfficialClientPostsThem() {
        IllegalStateException thrown = new IllegalStateException("a <bad> 'value'");
        HandlerFault fault = HandlerFault.classNotFound(new ClassNotFoundException("x.Y"), "x.Y");

        client().reportError("request-1", ErrorReport.ofException(thrown));
        client().reportInitError(ErrorReport.of(fault));

        Post error = posts.get(0);
        assertEquals("/2018-06-01/runtime/invocation/request-1/error", error.path());
        assertEquals("Runtime.UserException", error.errorType());
        assertEquals(new String(DtoSerializers.serialize(LambdaErrorConverter.fromThrowable(thrown)), StandardCharsets.UTF_8),
                new String(error.body(), StandardCharsets.UTF_8));
        Post initError = posts.get(1);
        assertEquals("/2018-06-01/runtime/init/error", initError.path());
        assertEquals("Runtime.BadFunctionCode", initError.errorType());
        assertEquals("{\"errorMessage\":\"Class not found: x.Y\",\"errorType\":\"java.lang.ClassNotFoundException\"}",
                new String(initError.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aResponseTheRuntimeApiRefusesFailsTheInvocation() {
        postStatus = 413;

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> client().respond("request-1", new byte[]{'{', '}'}));

        assertEquals("POST /invocation/request-1/response answered 413", refused.getMessage());
    }
}
