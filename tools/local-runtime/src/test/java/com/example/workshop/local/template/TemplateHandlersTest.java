package com.example.workshop.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateHandlersTest {

    private static final Path STAGE_4 = Path.of("../../module-4-streams/template.yaml");

    @Test
    void listsEachHandlerClassOnceWithItsTemplate() {
        assertEquals(List.of(
                        STAGE_4 + "\tcom.example.workshop.MainHandler",
                        STAGE_4 + "\tcom.example.workshop.RecordVisitHandler",
                        STAGE_4 + "\tcom.example.workshop.ViewCountsHandler",
                        STAGE_4 + "\tcom.example.workshop.StreamProcessorHandler"),
                TemplateHandlers.lines(List.of(STAGE_4)));
    }
}
