/**
 * DynamoDB stream event source mappings, run locally: what Lambda does for a function's
 * {@code Events: Type: DynamoDB} after {@code sam deploy}.
 *
 * <p>A local run starts them all from the template:
 * <pre>{@code
 * StreamSubscriptions subscriptions = StreamSubscriptions.start(template, facts, engine.streamsClient(),
 *         region, logicalId -> invokerOf(logicalId), Checkpoints.file(dbPath.resolveSibling("streams.properties")));
 * ...
 * subscriptions.close();
 * }</pre>
 * {@link com.example.workshop.local.streams.StreamEventSourceMapping} runs one subscription from plain settings
 * ({@link com.example.workshop.local.streams.EventSourceMappingConfig}), and
 * {@link com.example.workshop.local.streams.DynamodbStreamEventJson} turns SDK stream records into the event JSON
 * Lambda delivers.
 */
package com.example.workshop.local.streams;
