package com.example.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes an SDK model object (here a stream record) as the JSON the service sent: the API's own field names
 * ({@code SequenceNumber}, not {@code sequenceNumber}), timestamps as epoch seconds, fields the service left out
 * omitted. Test code only: the stages' code shows the few fields it needs by name (see {@code TableJson}).
 */
final class SdkJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {
    }

    static JsonNode toJson(SdkPojo pojo) {
        ObjectNode object = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (isPresent(value)) {
                object.set(field.locationName(), toJsonValue(value));
            }
        }
        return object;
    }

    private static JsonNode toJsonValue(Object value) {
        return switch (value) {
            case SdkPojo pojo -> toJson(pojo);
            case List<?> list -> toJsonArray(list);
            case Map<?, ?> map -> toJsonObject(map);
            case Instant instant -> NODES.numberNode(epochSeconds(instant));
            case SdkBytes bytes -> NODES.binaryNode(bytes.asByteArray());
            case Boolean bool -> NODES.booleanNode(bool);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            case Float number -> NODES.numberNode(number);
            case BigDecimal number -> NODES.numberNode(number);
            default -> NODES.textNode(value.toString());
        };
    }

    private static ArrayNode toJsonArray(List<?> list) {
        ArrayNode array = NODES.arrayNode();
        list.forEach(element -> array.add(toJsonValue(element)));
        return array;
    }

    private static ObjectNode toJsonObject(Map<?, ?> map) {
        ObjectNode object = NODES.objectNode();
        map.forEach((key, element) -> object.set(key.toString(), toJsonValue(element)));
        return object;
    }

    /** The SDK fills absent lists and maps with empty "auto construct" placeholders; the service sent nothing. */
    private static boolean isPresent(Object value) {
        return value != null
                && !(value instanceof SdkAutoConstructList<?>)
                && !(value instanceof SdkAutoConstructMap<?, ?>);
    }

    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }
}
