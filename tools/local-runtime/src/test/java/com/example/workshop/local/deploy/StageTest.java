package com.example.workshop.local.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageTest {

    @Test
    void aStageIsNamedByNumberOrFolder() {
        Path repository = Path.of("../..").toAbsolutePath().normalize();

        assertEquals("module-3-counter", Stage.resolve(repository, "3").name());
        assertEquals("module-3-counter", Stage.resolve(repository, "module-3-counter").name());
        assertTrue(assertThrows(UnknownNameException.class, () -> Stage.resolve(repository, "7")).getMessage()
                .startsWith("Unknown stage '7'. Stages: [module-1-hello, module-2-table, module-3-counter, module-4-streams]"));
    }

    @Test
    void allIsEveryStageFolderInOrder() {
        Path repository = Path.of("../..").toAbsolutePath().normalize();

        assertEquals(List.of("module-1-hello", "module-2-table", "module-3-counter", "module-4-streams"),
                Stage.all(repository).stream().map(Stage::name).toList());
        assertEquals(repository.resolve("module-1-hello"), Stage.all(repository).getFirst().directory());
    }
}
