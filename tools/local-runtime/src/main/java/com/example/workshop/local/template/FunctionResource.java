package com.example.workshop.local.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function}, with {@code Globals.Function} merged in.
 *
 * @param handler     {@code package.Class::method}
 * @param codeUri     relative to the template's folder
 * @param environment {@code Environment.Variables}; values are strings or unresolved {@link Intrinsic}s
 */
public record FunctionResource(
        String logicalId,
        String handler,
        String codeUri,
        String runtime,
        int memorySize,
        int timeout,
        List<String> architectures,
        Map<String, Object> environment,
        List<PolicyStatement> policies,
        List<ApiEvent> apiEvents,
        List<DynamoDbEvent> dynamoDbEvents) {

    public FunctionResource {
        architectures = List.copyOf(architectures);
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        policies = List.copyOf(policies);
        apiEvents = List.copyOf(apiEvents);
        dynamoDbEvents = List.copyOf(dynamoDbEvents);
    }

    /** {@code com.example.workshop.MainHandler} for {@code com.example.workshop.MainHandler::handleRequest}. */
    public String handlerClassName() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    /** The method Lambda calls; {@code handleRequest} when the Handler names only a class. */
    public String handlerMethodName() {
        int separator = handler.indexOf("::");
        return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
    }

    /** The function's code folder: the template's folder resolved with CodeUri. */
    public Path codeDirectory(Path templateDirectory) {
        return templateDirectory.resolve(codeUri).normalize();
    }

    /** Where Maven compiles the handler class: {@code <CodeUri>/target/classes/com/example/.../Handler.class}. */
    public Path handlerClassFile(Path templateDirectory) {
        return codeDirectory(templateDirectory).resolve("target/classes").resolve(handlerClassPath());
    }

    /** The handler's class file relative to a classes folder: {@code com/example/workshop/MainHandler.class}. */
    public String handlerClassPath() {
        return handlerClassName().replace('.', '/') + ".class";
    }
}
