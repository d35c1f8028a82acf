package com.example.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.example.workshop.Tag.InvalidTagException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagTest {

    @ParameterizedTest
    @Event(value = "events/get-tag.json", type = APIGatewayProxyRequestEvent.class)
    void readsTheTagFromThePath(APIGatewayProxyRequestEvent event) {
        assertEquals("technology", Tag.fromPathParameters(event.getPathParameters()).value());
    }

    @ParameterizedTest
    @Event(value = "events/get-tag-script.json", type = APIGatewayProxyRequestEvent.class)
    void markupInATagBecomesText(APIGatewayProxyRequestEvent event) {
        Tag tag = Tag.fromPathParameters(event.getPathParameters());

        assertEquals("&lt;img src=x onerror=alert(&quot;tag&quot;)&gt;", tag.html());
        assertEquals("%3Cimg%20src%3Dx%20onerror%3Dalert%28%22tag%22%29%3E", tag.pathSegment());
    }

    @Test
    void aLinkKeepsSlashesAndSpacesInsideTheTag() {
        assertEquals("rock%20%26%20roll%2F80s", new Tag("rock & roll/80s").pathSegment());
    }

    @Test
    void allowsUpToTheLimitCountingCharactersNotBytes() {
        String longest = "é".repeat(Tag.MAX_LENGTH);

        assertEquals(longest, Tag.fromPathParameters(Map.of("tag", longest)).value());
        assertThrows(InvalidTagException.class, () -> Tag.fromPathParameters(Map.of("tag", longest + "é")));
    }

    @Test
    void reservesOnlyTheExactCounterKey() {
        InvalidTagException refused = assertThrows(InvalidTagException.class,
                () -> Tag.fromPathParameters(Map.of("tag", "COUNTER")));

        assertTrue(refused.getMessage().contains("reserved"));
        assertEquals("counter", Tag.fromPathParameters(Map.of("tag", "counter")).value());
    }

    @Test
    void aBlankTagIsMissing() {
        assertThrows(InvalidTagException.class, () -> Tag.fromPathParameters(Map.of("tag", "   ")));
    }

    @ParameterizedTest
    @Event(value = "events/get-tag-invalid-utf8.json", type = APIGatewayProxyRequestEvent.class)
    void bytesThatAreNotUtf8AreRefused(APIGatewayProxyRequestEvent event) {
        InvalidTagException refused = assertThrows(InvalidTagException.class,
                () -> Tag.fromPathParameters(event.getPathParameters()));

        assertTrue(refused.getMessage().contains("not valid UTF-8"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "two\nlines", "\u001B[31mred", "delete\u007F", "next\u0085line"})
    void controlCharactersAreRefused(String value) {
        InvalidTagException refused = assertThrows(InvalidTagException.class,
                () -> Tag.fromPathParameters(Map.of("tag", value)));

        assertTrue(refused.getMessage().contains("control character"), refused.getMessage());
    }

    @Test
    void acceptsAnyVisibleTextIncludingEmoji() {
        assertEquals("café 🎉", Tag.fromPathParameters(Map.of("tag", "café 🎉")).value());
    }
}
