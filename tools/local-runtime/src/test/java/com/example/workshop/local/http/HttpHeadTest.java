package com.example.workshop.local.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one head parser, on the inputs that servers and proxies have read differently. */
class HttpHeadTest {

    @Test
    void aWellFormedHeadKeepsTheSendersSpellingOrderAndBytes() throws IOException {
        String text = "POST /Prod/tags/x?y=1 HTTP/1.1\r\nHost: api\r\nX-Custom-Header:  one \r\nx-custom-header: two\r\n"
                + "Content-Length: 12\r\n\r\n";
        HttpHead head = read(text);

        assertEquals("POST /Prod/tags/x?y=1 HTTP/1.1", head.startLine());
        assertEquals(List.of(new Header("Host", "api"), new Header("X-Custom-Header", "one"),
                new Header("x-custom-header", "two"), new Header("Content-Length", "12")), head.headers());
        assertEquals(List.of("one", "two"), head.values("X-CUSTOM-HEADER"));
        assertEquals(12, head.contentLength().orElseThrow());
        assertArrayEquals(text.replace("  one ", " one").getBytes(StandardCharsets.ISO_8859_1), head.bytes());
    }

    @Test
    void linesMustEndInCrLf() {
        assertBadRequest("GET / HTTP/1.1\nHost: api\r\n\r\n", "bare LF");
        assertBadRequest("GET / HTTP/1.1\r\nHost: api\n\r\n", "bare LF");
        assertBadRequest("GET / HTTP/1.1\r\nHost: a\rpi\r\n\r\n", "CR is not followed by LF");
    }

    @Test
    void headerLinesAreANameAColonAndAValueWithoutControlCharacters() {
        assertBadRequest("GET / HTTP/1.1\r\nX-A : 1\r\n\r\n", "not a header name");
        assertBadRequest("GET / HTTP/1.1\r\n: 1\r\n\r\n", "not a header name");
        assertBadRequest("GET / HTTP/1.1\r\nX(A): 1\r\n\r\n", "not a header name");
        assertBadRequest("GET / HTTP/1.1\r\nX-A 1\r\n\r\n", "no colon");
        assertBadRequest("GET / HTTP/1.1\r\nX-A: 1\r\n\t2\r\n\r\n", "folded");
        assertBadRequest("GET / HTTP/1.1\r\nX-A: 1\u00002\r\n\r\n", "control character");
        assertBadRequest("GET / HTTP/1.1\r\nX-A: 1\u007F\r\n\r\n", "control character");
    }

    @Test
    void aHeaderThatFramesOrRoutesTheMessageAppearsOnce() {
        assertBadRequest("GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n", "Host header appears 2 times");
        assertBadRequest("GET / HTTP/1.1\r\nContent-Length: 1\r\ncontent-length: 1\r\n\r\n", "Content-Length header appears 2 times");
    }

    @Test
    void contentLengthIsDigitsOnly() throws IOException {
        for (String value : List.of("+1", "-1", "1,1", "0x10", "1 1", "")) {
            HttpHead head = read("POST / HTTP/1.1\r\nContent-Length: " + value + "\r\n\r\n");
            MalformedHttpException refused = assertThrows(MalformedHttpException.class, head::contentLength, value);
            assertTrue(refused.getMessage().contains("not a number"), refused.getMessage());
        }
        assertEquals(Long.MAX_VALUE, read("POST / HTTP/1.1\r\nContent-Length: 123456789012345678901234\r\n\r\n")
                .contentLength().orElseThrow());
    }

    @Test
    void limitsAreStatusesOfTheirOwn() {
        HeadLimits small = new HeadLimits(20, 30);

        assertEquals(414, assertThrows(MalformedHttpException.class,
                () -> read("GET /" + "a".repeat(30) + " HTTP/1.1\r\n\r\n", small)).status());
        assertEquals(431, assertThrows(MalformedHttpException.class,
                () -> read("GET / HTTP/1.1\r\nX-A: " + "b".repeat(10) + "\r\nX-B: " + "c".repeat(20) + "\r\n\r\n", small)).status());
    }

    @Test
    void theEndOfTheStreamBeforeAByteIsNoMessageAndInTheMiddleIsAnError() throws IOException {
        assertNull(read(""));
        assertThrows(EOFException.class, () -> read("GET / HTTP/1.1\r\nHost: api\r\n"));
    }

    private static void assertBadRequest(String text, String problem) {
        MalformedHttpException refused = assertThrows(MalformedHttpException.class, () -> read(text), text);
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    }

    private static HttpHead read(String text) throws IOException {
        return read(text, HeadLimits.DEFAULT);
    }

    private static HttpHead read(String text, HeadLimits limits) throws IOException {
        return HttpHead.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), limits);
    }
}
