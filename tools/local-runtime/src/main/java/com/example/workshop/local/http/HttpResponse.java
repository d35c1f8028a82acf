package com.example.workshop.local.http;

import com.example.workshop.local.http.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A response to write back: status, headers (a name may repeat), body. */
public record HttpResponse(int status, List<Header> headers, byte[] body) {

    public static HttpResponse json(int status, String body, List<Header> headers) {
        List<Header> all = new java.util.ArrayList<>(headers);
        all.add(new Header("Content-Type", "application/json"));
        return new HttpResponse(status, all, body.getBytes(StandardCharsets.UTF_8));
    }
}
