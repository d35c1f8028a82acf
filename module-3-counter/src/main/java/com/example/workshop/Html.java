package com.example.workshop;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/** The pages of the visit counter, in the tutorial's look. */
final class Html {

    /** No doctype, as in the tutorial: in quirks mode {@code height:100%} fills the window. */
    private static final String PAGE = """
            <div style="background-color:#34D399;height:100%%;display:flex;flex-direction:column;\
            justify-content:center;align-items:center">
            %s</div>
            """;

    private Html() {
    }

    static APIGatewayProxyResponseEvent page(String content) {
        return response(200, "text/html; charset=utf-8", PAGE.formatted(content));
    }

    static APIGatewayProxyResponseEvent badRequest(String message) {
        return response(400, "text/plain; charset=utf-8", message);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static APIGatewayProxyResponseEvent response(int status, String contentType, String body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", contentType))
                .withBody(body);
    }
}
