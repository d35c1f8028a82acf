package com.example.workshop.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SelectionTest {

    private static final String JAVA = """
            package x;

            class Counter {

                private static final String COUNTER_KEY = "COUNTER";

                /** Adds one. */
                @Override
                public int next(int value) {
                    if (value > 0) {
                        return value + 1;
                    }
                    return 1;
                }
            }
            """;

    private static final String TEMPLATE = """
            Resources:
              MainFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a::b

              DynamoDBTable:
                Type: AWS::DynamoDB::Table
            Outputs:
              APIEndpoint:
                Value: x
            """;

    @Test
    void selectsAJavaMethodWithItsJavadocAndAnnotationsDeIndented() {
        assertEquals("""
                /** Adds one. */
                @Override
                public int next(int value) {
                    if (value > 0) {
                        return value + 1;
                    }
                    return 1;
                }
                """, Selection.select(JAVA, "Counter.java", "next"));
    }

    @Test
    void selectsAJavaFieldDeclaredOnSeveralLinesAndNothingAfterIt() {
        String java = """
                class VisitTest {

                    private final Handler recordVisit =
                            new Handler(dynamo.client(), "table");
                    private final Handler viewCounts = new Handler(
                            dynamo.client(), "table");

                    void visit() {
                    }
                }
                """;

        assertEquals("private final Handler recordVisit =\n        new Handler(dynamo.client(), \"table\");\n",
                Selection.select(java, "VisitTest.java", "recordVisit"));
        assertEquals("private final Handler viewCounts = new Handler(\n        dynamo.client(), \"table\");\n",
                Selection.select(java, "VisitTest.java", "viewCounts"));
    }

    @Test
    void selectsAJavaField() {
        assertEquals("private static final String COUNTER_KEY = \"COUNTER\";\n",
                Selection.select(JAVA, "Counter.java", "COUNTER_KEY"));
    }

    @Test
    void selectsAYamlKeyPathAtItsIndentation() {
        assertEquals("""
                  MainFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a::b
                """, Selection.select(TEMPLATE, "template.yaml", "Resources.MainFunction"));
    }

    @Test
    void selectsATaggedRegionWithoutItsMarkers() {
        String source = "a\n# tag::table[]\nb\nc\n# end::table[]\nd\n";

        assertEquals("b\nc\n", Selection.select(source, "template.yaml", "table"));
    }

    @Test
    void namesWhatItCannotFind() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> Selection.select(TEMPLATE, "template.yaml", "Resources.ViewCountsFunction"));

        assertEquals("no YAML key 'ViewCountsFunction'", error.getMessage());
    }
}
