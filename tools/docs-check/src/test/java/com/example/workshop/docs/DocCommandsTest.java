package com.example.workshop.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command runner on a guide of its own, with the JDK's file server standing in for ./workshop run. */
class DocCommandsTest {

    private static final String JWEBSERVER = Path.of(ProcessHandle.current().info().command().orElseThrow())
            .resolveSibling("jwebserver").toString();

    @Test
    void stopsAGuideWhoseServerDoesNotStart() throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/guide.md"), """
                # Guide

                ```bash run-background
                echo "cannot serve"; exit 1
                ```

                ```bash run
                echo "would talk to no server"
                ```
                """);

        DocCommands commands = new DocCommands(root);
        commands.runAll(Doc.read(root, root.resolve("docs/guide.md")));

        assertEquals(0, commands.passed());
        assertEquals(1, commands.failures().size(), commands.failures()::toString);
        assertTrue(commands.failures().getFirst().contains("exited 1 before serving"), commands.failures()::toString);
    }

    @TempDir
    Path root;

    @Test
    void runsCommandsChecksTheirOutputAndRequestsWhatTheServerPrinted() throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/guide.md"), """
                # Guide

                ```bash run-background
                %s -b 127.0.0.1 -p 0 -d "$PWD"
                ```

                ```bash run
                echo "hello from the guide"; echo "second line"
                ```

                ```text output
                hello from
                ...
                second line
                ```

                ```bash run
                echo "something else"
                ```

                ```text output
                not printed
                ```

                ```bash run
                exit 3
                ```
                """.formatted(JWEBSERVER));

        DocCommands commands = new DocCommands(root);
        commands.runAll(Doc.read(root, root.resolve("docs/guide.md")));

        List<String> failures = commands.failures();
        assertEquals(3, commands.passed(), "server start, first command, the server's URL: " + failures);
        assertEquals(2, failures.size(), failures::toString);
        assertTrue(failures.get(0).contains("output lacks \"not printed\""), failures.get(0));
        assertTrue(failures.get(1).contains("exited 3"), failures.get(1));
    }

    @Test
    void aGuidesLearnerCommandsNameAFolderOfTheRunsOwnThatStartsEmpty() throws IOException {
        Path workshop = root.resolve("workshop");
        Files.writeString(workshop, "#!/usr/bin/env bash\n[ \"$1\" = start ] && mkdir -p \"${2%/*}\" && mkdir \"$2\" && echo \"started $2\"\n");
        workshop.toFile().setExecutable(true);
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/guide.md"), """
                # Guide

                ```bash run learner
                ./workshop start
                ```

                ```text output
                guide-replay/my-workshop
                ```
                """);
        Doc guide = Doc.read(root, root.resolve("docs/guide.md"));

        DocCommands commands = new DocCommands(root, root.resolve("guide-replay"));
        commands.runAll(guide);
        commands.runAll(guide);

        assertEquals(List.of(), commands.failures());
        assertEquals(2, commands.passed());
        assertTrue(Files.isDirectory(root.resolve("guide-replay/my-workshop")));
        assertFalse(Files.exists(root.resolve("my-workshop")), "a learner's own folder is never touched");
    }
}
