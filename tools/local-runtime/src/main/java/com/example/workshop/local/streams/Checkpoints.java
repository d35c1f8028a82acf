package com.example.workshop.local.streams;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How far each mapping got in each shard: the sequence number of the last record it is done with. A deployed
 * mapping keeps its place when nothing runs; a local run that keeps its tables ({@code --db-path}) keeps it
 * in a file, so restarting it does not deliver the same records again.
 */
public interface Checkpoints {

    Optional<String> lastDone(String streamArn, String shardId, String functionName);

    void save(String streamArn, String shardId, String functionName, String sequenceNumber);

    /** Forgotten when the runtime stops: a new start begins at the StartingPosition. */
    static Checkpoints inMemory() {
        return new PropertiesCheckpoints(null);
    }

    /** Kept in {@code file} (a properties file, created when first needed). */
    static Checkpoints file(Path file) {
        return new PropertiesCheckpoints(file);
    }
}
