package com.example.workshop.local.apigateway;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A response to write back: status, headers (a name may repeat), body. */
public record HttpResponse(int status, List<HttpRequest.Header> headers, byte[] body) {

    static HttpResponse json(int status, String body, List<HttpRequest.Header> headers) {
        List<HttpRequest.Header> all = new java.util.ArrayList<>(headers);
        all.add(new HttpRequest.Header("Content-Type", "application/json"));
        return new HttpResponse(status, all, body.getBytes(StandardCharsets.UTF_8));
    }
}
