package com.example.workshop.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnerFolderTest {

    @TempDir
    Path workspace;

    @Test
    void theGuidesCommandsNameTheReplaysFolder() {
        LearnerFolder learner = new LearnerFolder(workspace, workspace.resolve("my-workshop"));
        String folder = learner.path().toString();

        assertEquals("./workshop start " + folder, learner.substitute("./workshop start"));
        assertEquals("./workshop start " + folder + " --from 2", learner.substitute("./workshop start --from 2"));
        assertEquals("cp module-3-counter/events/*.json " + folder + "/events/",
                learner.substitute("cp module-3-counter/events/*.json my-workshop/events/"));
        assertEquals("./workshop invoke " + folder + " MainFunction --event " + folder + "/events/get-root.json",
                learner.substitute("./workshop invoke my-workshop MainFunction --event my-workshop/events/get-root.json"));
        assertEquals("ls my-workshop-old other/my-workshop", learner.substitute("ls my-workshop-old other/my-workshop"));
    }

    @Test
    void saysHowTheFolderDiffersFromTheFinishedStage() throws IOException {
        Path mine = workspace.resolve("my-workshop");
        Path finished = workspace.resolve("finished");
        write(mine.resolve("template.yaml"), "Resources:\n  MainFunction: {}\n");
        write(finished.resolve("template.yaml"), "Resources:\n  MainFunction: {}\n  DynamoDBTable: {}\n");
        write(finished.resolve("src/Tag.java"), "record Tag() {}\n");
        write(mine.resolve("notes.txt"), "mine\n");
        write(mine.resolve("target/classes/Built.class"), "built output is not compared");

        List<String> differences = new LearnerFolder(workspace, mine).differencesFrom(finished);

        assertEquals(List.of(
                "src/Tag.java: missing",
                "template.yaml: line 3 is \"(end of file)\", the finished stage has \"DynamoDBTable: {}\"",
                "notes.txt: not in the finished stage"), differences);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
