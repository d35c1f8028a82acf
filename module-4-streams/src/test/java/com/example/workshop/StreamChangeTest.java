package com.example.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class StreamChangeTest {

    @ParameterizedTest
    @Event(value = "events/stream-batch.json", type = DynamodbEvent.class)
    void visitsAreInsertsAndModificationsOfTags(DynamodbEvent event) {
        List<Boolean> visits = event.getRecords().stream()
                .map(record -> StreamChange.of(record).orElseThrow().isVisit())
                .toList();

        // INSERT technology, MODIFY technology, INSERT sports, MODIFY COUNTER, REMOVE retired
        assertEquals(List.of(true, true, true, false, false), visits);
    }

    @ParameterizedTest
    @Event(value = "events/stream-poison-record.json", type = DynamodbEvent.class)
    void aRecordWithoutKeysIsUnreadable(DynamodbEvent event) {
        DynamodbStreamRecord withoutKeys = event.getRecords().get(1);

        assertEquals(Optional.empty(), StreamChange.of(withoutKeys));
    }

    @Test
    void comparesSequenceNumbersAsNumbersNotText() {
        StreamChange change = new StreamChange("stream", "100000000000000000000000000000000000000", "INSERT", "tag");

        assertTrue(change.isAfter("99999999999999999999999"), "longer is later, though \"1\" sorts before \"9\"");
        assertFalse(change.isAfter("100000000000000000000000000000000000000"));
    }
}
