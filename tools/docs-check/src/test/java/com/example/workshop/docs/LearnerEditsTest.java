package com.example.workshop.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LearnerEditsTest {

    private static final String TEMPLATE = """
            Resources:
              MainFunction:
                Type: AWS::Serverless::Function

              DynamoDBTable:
                Type: AWS::DynamoDB::Table

            Outputs:
              APIEndpoint:
                Value: x
            """;

    private static final String FINISHED = """
            Resources:
              MainFunction:
                Type: AWS::Serverless::Function

              RecordVisitFunction:
                Type: AWS::Serverless::Function

              DynamoDBTable:
                Type: AWS::DynamoDB::Table
            """;

    @Test
    void aNewYamlKeyGoesAfterTheKeyBeforeItInTheFinishedStage() {
        String block = """
                  RecordVisitFunction:
                    Type: AWS::Serverless::Function
                """;

        String changed = LearnerEdits.replaceOrAddYamlKey(TEMPLATE, "Resources.RecordVisitFunction", block, FINISHED);

        assertEquals("""
                Resources:
                  MainFunction:
                    Type: AWS::Serverless::Function

                  RecordVisitFunction:
                    Type: AWS::Serverless::Function

                  DynamoDBTable:
                    Type: AWS::DynamoDB::Table

                Outputs:
                  APIEndpoint:
                    Value: x
                """, changed);
    }

    @Test
    void anExistingYamlKeyIsReplacedWhereItIs() {
        String block = """
                  DynamoDBTable:
                    Type: AWS::DynamoDB::Table
                    Properties: {}
                """;

        String changed = LearnerEdits.replaceOrAddYamlKey(TEMPLATE, "Resources.DynamoDBTable", block, FINISHED);

        assertTrue(changed.contains("""
                    Type: AWS::DynamoDB::Table
                    Properties: {}

                Outputs:
                """), changed);
    }

    @Test
    void anXmlElementIsReplacedAtItsIndentation() {
        String pom = """
                <project>
                    <dependencies>
                        <dependency>old</dependency>
                    </dependencies>
                </project>
                """;

        String changed = LearnerEdits.replaceXmlElement(pom, "dependencies", """
                <dependencies>
                    <dependency>new</dependency>
                </dependencies>
                """);

        assertEquals("""
                <project>
                    <dependencies>
                        <dependency>new</dependency>
                    </dependencies>
                </project>
                """, changed);
    }

    @Test
    void aDiffAppliesOnlyWhereItsContextIs() {
        String diff = """
                --- a/Counter.java
                +++ b/Counter.java
                @@ -1,3 +1,4 @@
                 class Counter {
                +    int total;
                     int count;
                 }
                """;

        assertEquals("class Counter {\n    int total;\n    int count;\n}\n",
                LearnerEdits.applyDiff("class Counter {\n    int count;\n}\n", diff));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LearnerEdits.applyDiff("class Counter {\n    long count;\n}\n", diff));
        assertTrue(refused.getMessage().startsWith("the change does not apply"), refused.getMessage());
    }
}
