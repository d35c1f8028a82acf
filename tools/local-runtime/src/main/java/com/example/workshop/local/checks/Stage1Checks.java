package com.example.workshop.local.checks;

import java.util.List;
import java.util.function.Supplier;

/** Stage 1: {@code GET /} answers "Hello, world!" with the API Gateway event it received. */
final class Stage1Checks {

    /** Fields every API Gateway REST proxy event has (see module-1-hello/events/get-root.json), under /event. */
    static final List<String> EVENT_FIELDS = List.of("/resource", "/path", "/httpMethod", "/headers",
            "/multiValueHeaders", "/isBase64Encoded", "/requestContext/requestId", "/requestContext/apiId",
            "/requestContext/accountId", "/requestContext/stage", "/requestContext/path", "/requestContext/resourcePath",
            "/requestContext/httpMethod", "/requestContext/protocol", "/requestContext/domainName",
            "/requestContext/requestTimeEpoch", "/requestContext/identity/sourceIp");

    private Stage1Checks() {
    }

    static List<Check> checks(Target target, String tag) {
        Supplier<Reply> hello = StageChecks.once(() -> target.get("?smoke=" + tag));
        String stage = target.stageName();
        return List.of(
                StageChecks.hello(hello),
                new Check("event: query string", () -> Expectation.of(hello.get())
                        .json("/event/queryStringParameters/smoke", "\"" + tag + "\"")
                        .json("/event/multiValueQueryStringParameters/smoke", "[\"" + tag + "\"]")
                        .outcome()),
                new Check("event: route", () -> Expectation.of(hello.get())
                        .json("/event/httpMethod", "\"GET\"")
                        .json("/event/resource", "\"/\"")
                        .json("/event/path", "\"/\"")
                        .outcome()),
                new Check("event: stage", () -> stageExpectation(Expectation.of(hello.get()), stage).outcome()),
                new Check("event: API Gateway fields", () -> Expectation.of(hello.get())
                        .under("/event")
                        .jsonPresent(EVENT_FIELDS)
                        .outcome()));
    }

    /** The stage the URL names is the event's; a URL at the root (local runs only) names none. */
    private static Expectation stageExpectation(Expectation expectation, String stage) {
        if (stage == null) {
            return expectation.jsonText("/event/requestContext/stage", "not empty", text -> !text.isEmpty());
        }
        return expectation
                .json("/event/requestContext/stage", "\"" + stage + "\"")
                .json("/event/requestContext/path", "\"/" + stage + "/\"");
    }
}
