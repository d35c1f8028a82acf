package com.example.workshop.local.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dynoxide's output, kept beside its database file and never in /tmp. */
class DynoxideLogTest {

    @Test
    void eachStartAppendsBesideTheDatabaseAndTheLogOutlivesTheServer(@TempDir Path folder) throws IOException {
        Path db = folder.resolve("dynamodb.db");
        DynoxideServer.start(DynoxideBinary.locate(), db).close();
        DynoxideServer.start(DynoxideBinary.locate(), db).close();

        String log = Files.readString(folder.resolve(DynoxideLog.FILE_NAME));
        assertEquals(2, log.lines().filter(line -> line.startsWith("Dynoxide listening on ")).count(), log);
    }

    /** After `mvn clean` the stage's target/local/ is gone: an `invoke` (which takes no run lock) must still start. */
    @Test
    void aDatabaseInAFolderThatIsGoneStartsIt(@TempDir Path folder) throws IOException {
        Path db = folder.resolve("target/local/dynamodb.db");
        DynoxideServer.start(DynoxideBinary.locate(), db).close();

        assertTrue(Files.exists(db.resolveSibling(DynoxideLog.FILE_NAME)));
    }

    @Test
    void aFailedStartShowsOnlyWhatThatStartPrinted(@TempDir Path folder) throws IOException {
        Path db = folder.resolve("dynamodb.db");
        Files.writeString(folder.resolve(DynoxideLog.FILE_NAME), "output of an earlier run\n");
        Path binary = Files.writeString(folder.resolve("dynoxide"), "#!/bin/sh\necho 'error: no such option'\nexit 3\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));

        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> DynoxideServer.start(binary, db));

        assertTrue(failed.getMessage().startsWith("dynoxide exited with code 3"), failed.getMessage());
        assertTrue(failed.getMessage().endsWith(":\nerror: no such option"), failed.getMessage());
    }
}
