package com.example.workshop.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.local.template.TableResource.AttributeDefinition;
import com.example.workshop.local.template.TableResource.KeyElement;
import com.example.workshop.local.template.TableResource.Throughput;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

    private static final Path FIXTURES = Path.of("src/test/resources/templates");

    private static SamTemplate fixture(String name) {
        return SamTemplate.load(FIXTURES.resolve(name));
    }

    private static String refusal(String fixture) {
        return assertThrows(TemplateException.class, () -> fixture(fixture)).getMessage();
    }

    @Test
    void unknownResourceTypeIsRefused() {
        assertEquals(FIXTURES.resolve("unknown-resource-type.yaml") + ": resource UploadsBucket: type AWS::S3::Bucket "
                        + "is not supported (the local runtime knows AWS::Serverless::Function and AWS::DynamoDB::Table)",
                refusal("unknown-resource-type.yaml"));
    }

    @Test
    void unknownPropertyIsRefusedWithItsPath() {
        assertEquals(FIXTURES.resolve("unknown-property.yaml")
                        + ": resource DynamoDBTable: property StreamSpecification.StreamViewTyp is not supported",
                refusal("unknown-property.yaml"));
    }

    @Test
    void getAttOfAnAttributeTheResourceLacksIsRefused() {
        assertEquals(FIXTURES.resolve("bad-getatt.yaml") + ": resource StreamProcessorFunction: "
                        + "Events.Stream.Properties.Stream: !GetAtt DynamoDBTable.StreamArm: "
                        + "DynamoDBTable (AWS::DynamoDB::Table) has no attribute StreamArm (it has Arn, StreamArn)",
                refusal("bad-getatt.yaml"));
    }

    @Test
    void unknownIntrinsicIsRefused() {
        assertEquals(FIXTURES.resolve("unknown-intrinsic.yaml") + ": resource MainFunction: "
                        + "Environment.Variables.GREETING: !Join is not supported (the local runtime knows !Ref, !GetAtt and !Sub)",
                refusal("unknown-intrinsic.yaml"));
    }

    @Test
    void refToAnUnknownLogicalIdIsRefused() {
        assertEquals(FIXTURES.resolve("unknown-ref.yaml") + ": resource MainFunction: Environment.Variables.TABLE_NAME: "
                        + "!Ref VisitsTable: VisitsTable is neither a resource of this template nor a pseudo parameter "
                        + "(AWS::AccountId, AWS::Partition, AWS::Region, AWS::StackName)",
                refusal("unknown-ref.yaml"));
    }

    @Test
    void unknownEventTypeIsRefused() {
        assertEquals(FIXTURES.resolve("unknown-event-type.yaml") + ": resource MainFunction: property Events.Nightly.Type: "
                        + "event type Schedule is not supported (the local runtime knows Api and DynamoDB)",
                refusal("unknown-event-type.yaml"));
    }

    @Test
    void missingFileIsATemplateExceptionNotAStackTrace() {
        String message = assertThrows(TemplateException.class, () -> SamTemplate.load(FIXTURES.resolve("absent.yaml")))
                .getMessage();
        assertTrue(message.startsWith(FIXTURES.resolve("absent.yaml") + ": cannot be read"), message);
    }

    @Test
    void functionsGetGlobalsWithTheirOwnPropertiesWinning() {
        FunctionResource writer = fixture("full-featured.yaml").function("WriterFunction");

        assertEquals("java21", writer.runtime());
        assertEquals(1024, writer.memorySize());
        assertEquals(20, writer.timeout());
        assertEquals(List.of("arm64"), writer.architectures());
        assertEquals("INFO", writer.environment().get("LOG_LEVEL"));
        assertEquals(new Ref("EventsTable"), writer.environment().get("TABLE_NAME"));
        assertEquals(new GetAtt("EventsTable", "Arn"), writer.environment().get("TABLE_ARN"));
    }

    @Test
    void defaultsAreThoseOfSam() {
        FunctionResource reader = fixture("full-featured.yaml").function("ReaderFunction");

        assertEquals(List.of("x86_64"), reader.architectures());
        assertEquals(".", reader.codeUri());
        assertEquals("com.example.Reader", reader.handlerClassName());
        assertEquals("handleRequest", reader.handlerMethodName());
    }

    @Test
    void handlerClassFileIsUnderTheCodeUrisMavenOutput() {
        SamTemplate template = fixture("full-featured.yaml");
        FunctionResource writer = template.function("WriterFunction");

        assertEquals("write", writer.handlerMethodName());
        assertEquals(template.directory().resolve("writer/target/classes/com/example/Writer.class"),
                writer.handlerClassFile(template.directory()));
    }

    @Test
    void eventsKeepEverySetting() {
        SamTemplate template = fixture("full-featured.yaml");

        assertEquals(List.of(new ApiEvent("WriterFunction", "Post", "POST", "/events/{kind}/{id}")), template.apiEvents());
        assertEquals(List.of(new DynamoDbEvent("ReaderFunction", "Changes", "EventsTable", "LATEST", 10, 2,
                List.of("ReportBatchItemFailures"), true, 2)), template.dynamoDbEvents());
        assertTrue(template.hasApi());
    }

    @Test
    void tablesAreAsDeclared() {
        SamTemplate template = fixture("full-featured.yaml");

        assertEquals(new TableResource("EventsTable", null,
                List.of(new AttributeDefinition("PK", "S"), new AttributeDefinition("SK", "N")),
                List.of(new KeyElement("PK", "HASH"), new KeyElement("SK", "RANGE")),
                "PAY_PER_REQUEST", null, "NEW_IMAGE"), template.table("EventsTable"));
        TableResource named = template.table("NamedTable");
        assertEquals("workshop-named", named.tableName());
        assertEquals(new Throughput(3, 4), named.provisionedThroughput());
        assertNull(named.streamViewType());
    }

    @Test
    void ignoredSettingsAreNoted() {
        List<String> notes = fixture("full-featured.yaml").notes();

        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.getFirst().startsWith("WriterFunction: SnapStart has no effect locally"), notes.toString());
    }

    @Test
    void resolverFillsInWhatTheDeploymentKnows() {
        SamTemplate template = fixture("full-featured.yaml");
        Resolver resolver = new Resolver(facts());

        Map<String, String> environment = resolver.environment(template.function("WriterFunction"));

        assertEquals("stack-EventsTable-ABC", environment.get("TABLE_NAME"));
        assertEquals("arn:aws:dynamodb:dynoxide:000000000000:table/stack-EventsTable-ABC", environment.get("TABLE_ARN"));
        assertEquals("stack-EventsTable-ABC in dynoxide of 000000000000 (stack, aws) ${Literal}", environment.get("SUMMARY"));
        assertEquals(Map.of(
                "ApiUrl", "https://api123.execute-api.dynoxide.amazonaws.com/Prod/",
                "WriterArn", "arn:aws:lambda:dynoxide:000000000000:function:stack-WriterFunction",
                "Table", "stack-EventsTable-ABC"), resolver.outputs(template));
    }

    @Test
    void samPolicyTemplatesExpandToTheirStatements() {
        SamTemplate template = fixture("full-featured.yaml");
        String tableArn = facts().table("EventsTable").arn();
        ResolvedPolicy writer = new Resolver(facts()).policy(template.function("WriterFunction"));
        ResolvedPolicy reader = new Resolver(facts()).policy(template.function("ReaderFunction"));

        assertEquals(List.of(tableArn, tableArn + "/index/*"), writer.statements().getFirst().resources());
        assertEquals(List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"),
                writer.statements().getFirst().actions());
        assertTrue(writer.allows("dynamodb:UpdateItem", tableArn));
        assertTrue(writer.allows("dynamodb:PutItem", tableArn + "/index/ByKind"));
        assertFalse(writer.allows("dynamodb:GetItem", tableArn), "DynamoDBWritePolicy does not read");
        assertFalse(writer.allows("dynamodb:BatchWriteItem", tableArn), "the explicit Deny wins");
        assertFalse(writer.allows("dynamodb:UpdateItem", facts().table("NamedTable").arn()), "another table");
        assertTrue(reader.allows("dynamodb:ConditionCheckItem", tableArn));
        assertTrue(reader.allows("DynamoDB:getitem", tableArn), "IAM action names are case-insensitive");
    }

    @Test
    void apiRoutesMatchLikeApiGateway() {
        ApiEvent route = new ApiEvent("F", "E", "GET", "/tags/{tag}");

        assertEquals(Optional.of(Map.of("tag", "java")), route.match("GET", "/tags/java"));
        assertEquals(Optional.empty(), route.match("POST", "/tags/java"));
        assertEquals(Optional.empty(), route.match("GET", "/tags"));
        assertEquals(Optional.empty(), route.match("GET", "/tags/java/more"));
        assertEquals(List.of("tag"), route.pathParameters());
        assertEquals(Optional.of(Map.of()), new ApiEvent("F", "E", "GET", "/").match("GET", "/"));
        assertEquals(Optional.of(Map.of("proxy", "a/b")), new ApiEvent("F", "E", "ANY", "/{proxy+}").match("PUT", "/a/b"));
    }

    private static StackFacts facts() {
        return StackFacts.fromTables("stack", "api123", Map.of(
                "EventsTable", new DeployedTable("EventsTable", "stack-EventsTable-ABC",
                        "arn:aws:dynamodb:dynoxide:000000000000:table/stack-EventsTable-ABC",
                        "arn:aws:dynamodb:dynoxide:000000000000:table/stack-EventsTable-ABC/stream/2025"),
                "NamedTable", new DeployedTable("NamedTable", "workshop-named",
                        "arn:aws:dynamodb:dynoxide:000000000000:table/workshop-named", null)));
    }
}
