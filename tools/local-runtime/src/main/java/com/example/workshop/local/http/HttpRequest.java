package com.example.workshop.local.http;

import com.example.workshop.local.http.Header;

import java.util.List;
import java.util.Optional;

/**
 * An HTTP request as it arrived, header names in the client's own spelling (API Gateway passes them on that way).
 *
 * @param target   the request target, e.g. {@code /Prod/tags/x?name=a}
 * @param sourceIp the client's address
 */
public record HttpRequest(String method, String target, String protocol, List<Header> headers, byte[] body,
                          String sourceIp) {

    public String rawPath() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    public Optional<String> rawQuery() {
        int query = target.indexOf('?');
        return query < 0 || query == target.length() - 1 ? Optional.empty() : Optional.of(target.substring(query + 1));
    }

    public Optional<String> header(String name) {
        return headers.stream().filter(header -> header.name().equalsIgnoreCase(name)).map(Header::value).reduce((a, b) -> b);
    }
}
