package com.example.workshop.local.template;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the handler class of each function of some templates, read with the model {@code ./workshop run} deploys
 * from, one line per class: {@code module-1-hello/template.yaml<TAB>com.example.workshop.MainHandler}.
 * tools/scripts/check-isolated-builds checks with it that a stage's package holds every handler.
 */
public final class TemplateHandlers {

    private TemplateHandlers() {
    }

    public static void main(String[] templates) {
        try {
            lines(Stream.of(templates).map(Path::of).toList()).forEach(System.out::println);
        } catch (TemplateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    static List<String> lines(List<Path> templates) {
        return templates.stream()
                .flatMap(template -> SamTemplate.load(template).functions().values().stream()
                        .map(FunctionResource::handlerClassName)
                        .distinct()
                        .map(handler -> template + "\t" + handler))
                .toList();
    }
}
