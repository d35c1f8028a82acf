package com.example.workshop.local.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guide section a learner rereads when a check of stage N fails: the first entry whose prefix starts the
 * check's name, in the guide of the stage that taught it. {@code GuideSectionsTest} keeps the anchors real.
 */
public final class GuideSections {

    private static final String M1 = "docs/module-1-hello.md#";
    private static final String M2 = "docs/module-2-table.md#";
    private static final String M3 = "docs/module-3-counter.md#";
    private static final String M4 = "docs/module-4-streams.md#";

    private static final Map<String, String> COMMON = sections(
            "template: routes", M1 + "create-your-sam-template",
            "template: TABLE_NAME", M2 + "grant-the-function-access-to-the-table",
            "hello", M1 + "write-your-lambda-function",
            "event:", M1 + "write-your-lambda-function",
            "unknown route", M1 + "create-your-sam-template",
            "table described", M2 + "show-the-table-with-the-apis-field-names",
            "policy: MainFunction", M2 + "grant-the-function-access-to-the-table",
            "unknown tag", M3 + "write-a-function-that-shows-the-counts",
            "visit recorded", M3 + "write-a-function-that-records-visits",
            "visits counted", M3 + "write-a-function-that-records-visits",
            Stage3Checks.CONCURRENT_VISITS + " concurrent", M3 + "the-fixes-to-the-original",
            "link stays", M3 + "the-fixes-to-the-original",
            "tag escaped", M3 + "the-fixes-to-the-original",
            "too long tag", M3 + "the-fixes-to-the-original",
            "table stream", M4 + "enable-dynamodb-streams-on-the-table",
            "total shown", M4 + "show-the-total-on-the-counts-page",
            "reserved tag", M4 + "reserve-the-counters-key",
            "total rises", M4 + "register-the-stream-processor",
            "stream: visits raise", M4 + "write-the-stream-processor",
            "stream: counter and REMOVE", M4 + "write-the-stream-processor",
            "stream: a batch without visits", M4 + "write-the-stream-processor",
            "stream: a redelivered", M4 + "the-fixes-to-the-original",
            "stream: a poison", M4 + "the-fixes-to-the-original",
            "stream:", M4 + "register-the-stream-processor");

    private GuideSections() {
    }

    /** e.g. {@code docs/module-3-counter.md#the-fixes-to-the-original}. */
    public static String forCheck(int stage, String checkName) {
        if (checkName.startsWith("policy: ") && !checkName.startsWith("policy: MainFunction")) {
            return stage >= 4 && checkName.contains("Stream") ? M4 + "register-the-stream-processor"
                    : M3 + "register-the-function-in-your-sam-template";
        }
        return COMMON.entrySet().stream().filter(entry -> checkName.startsWith(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(guide(stage));
    }

    /** Every section named, for the test that keeps them real. */
    public static List<String> all() {
        return List.of(COMMON.values().toArray(String[]::new));
    }

    private static String guide(int stage) {
        return List.of(M1, M2, M3, M4).get(stage - 1).replace("#", "");
    }

    private static Map<String, String> sections(String... prefixAndSection) {
        Map<String, String> sections = new LinkedHashMap<>();
        for (int i = 0; i < prefixAndSection.length; i += 2) {
            sections.put(prefixAndSection[i], prefixAndSection[i + 1]);
        }
        return sections;
    }
}
