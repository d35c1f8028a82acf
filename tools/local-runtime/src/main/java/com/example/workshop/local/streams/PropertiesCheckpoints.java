package com.example.workshop.local.streams;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/** Checkpoints in memory, and in a properties file when one is given. */
final class PropertiesCheckpoints implements Checkpoints {

    private final Path file;
    private final Properties positions = new Properties();

    PropertiesCheckpoints(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                positions.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read stream checkpoints " + file, e);
            }
        }
    }

    @Override
    public Optional<String> lastDone(String streamArn, String shardId, String functionName) {
        return Optional.ofNullable(positions.getProperty(key(streamArn, shardId, functionName)));
    }

    @Override
    public synchronized void save(String streamArn, String shardId, String functionName, String sequenceNumber) {
        positions.setProperty(key(streamArn, shardId, functionName), sequenceNumber);
        if (file != null) {
            write();
        }
    }

    /**
     * Written aside and moved into place, so a runtime killed mid-write leaves the previous checkpoints. A
     * FileOutputStream, unlike a file channel, is not closed by the interrupt that stops the mapping.
     */
    private void write() {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = new OutputStreamWriter(new FileOutputStream(temporary.toFile()), StandardCharsets.UTF_8)) {
                positions.store(writer, "Stream positions of the local event source mappings (function, stream, shard)");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write stream checkpoints " + file, e);
        }
    }

    private static String key(String streamArn, String shardId, String functionName) {
        return functionName + " " + streamArn + " " + shardId;
    }
}
