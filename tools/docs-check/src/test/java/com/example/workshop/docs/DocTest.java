package com.example.workshop.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocTest {

    @Test
    void everyReadmeIsADocumentButBuildOutputPackagesAndTheLearnersFolder(@TempDir Path root) throws IOException {
        for (String file : List.of("README.md", "docs/module-3-counter.md", "docs/README.md", "module-3-counter/README.md",
                "tools/e2e/README.md", "tools/dynoxide/node_modules/x/README.md", "module-3-counter/target/README.md",
                "my-workshop/README.md", ".github/README.md")) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), "# title\n");
        }

        assertEquals(List.of("README.md", "docs/README.md", "docs/module-3-counter.md", "module-3-counter/README.md",
                "tools/e2e/README.md"), Doc.all(root).stream().map(Doc::name).toList());
    }

    @Test
    void aStageReadmeDescribesItsStageAndRunsItsCommandsInItsFolder(@TempDir Path root) throws IOException {
        Doc guide = document(root, "docs/module-3-counter.md");
        Doc stageReadme = document(root, "module-3-counter/README.md");
        Doc toolReadme = document(root, "tools/e2e/README.md");

        assertEquals("module-3-counter", guide.stage());
        assertNull(stageReadme.stage(), "only a module guide replays its stage");
        assertEquals("module-3-counter", guide.describedStage());
        assertEquals("module-3-counter", stageReadme.describedStage());
        assertNull(toolReadme.describedStage());
        assertEquals(root, guide.workingDirectory());
        assertEquals(root.resolve("module-3-counter"), stageReadme.workingDirectory());
        assertEquals(root.resolve("tools/e2e"), toolReadme.workingDirectory());
    }

    private static Doc document(Path root, String name) throws IOException {
        Files.createDirectories(root.resolve(name).getParent());
        Files.writeString(root.resolve(name), "# title\n");
        return Doc.read(root, root.resolve(name));
    }
}
