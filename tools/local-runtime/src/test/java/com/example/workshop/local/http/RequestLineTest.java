package com.example.workshop.local.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestLineTest {

    @Test
    void aMethodAnOriginFormTargetAndHttp11Or10() throws MalformedHttpException {
        assertEquals(new RequestLine("GET", "/Prod/tags/a%20b?x=1&y", "HTTP/1.1"),
                RequestLine.parse("GET /Prod/tags/a%20b?x=1&y HTTP/1.1", 100));
        assertEquals("HTTP/1.0", RequestLine.parse("HEAD / HTTP/1.0", 100).version());
    }

    @Test
    void anythingElseIsRefused() {
        for (String line : List.of("GET /", "GET / HTTP/1.1 x", "GET  / HTTP/1.1", "GET /a b HTTP/1.1", "GET\t/ HTTP/1.1",
                "GET http://api/ HTTP/1.1", "GET * HTTP/1.1", "G(T / HTTP/1.1", "GET /\u00e9 HTTP/1.1", "GET / http/1.1",
                "GET / HTTP/1.1\u0000")) {
            assertEquals(400, assertThrows(MalformedHttpException.class, () -> RequestLine.parse(line, 100), line).status(), line);
        }
        assertEquals(505, assertThrows(MalformedHttpException.class, () -> RequestLine.parse("GET / HTTP/2.0", 100)).status());
        assertEquals(414, assertThrows(MalformedHttpException.class,
                () -> RequestLine.parse("GET /" + "a".repeat(100) + " HTTP/1.1", 100)).status());
    }
}
