package com.example.workshop.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The check itself: the repository's guides agree with its code. {@code mvn verify} runs it. */
class DocsTest {

    static final Path REPO_ROOT = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();

    @Test
    void guidesAgreeWithTheCode() {
        List<Problem> problems = new DocsCheck(REPO_ROOT).check();

        assertEquals(List.of(), problems, () -> problems.stream().map(Problem::toString)
                .collect(Collectors.joining("\n", "The guides disagree with the repository:\n", "\n")));
    }
}
