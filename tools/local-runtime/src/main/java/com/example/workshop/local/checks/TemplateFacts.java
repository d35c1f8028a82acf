package com.example.workshop.local.checks;

import com.example.workshop.local.template.ApiEvent;
import com.example.workshop.local.template.DeployedTable;
import com.example.workshop.local.template.FunctionResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a learner's template must declare at stage N, checked on the deployed template: its routes and, from
 * stage 2 on, every function's {@code TABLE_NAME}. (That every Handler names a class is checked by the deployment
 * itself, before anything starts.)
 */
final class TemplateFacts {

    private TemplateFacts() {
    }

    static List<Check> checks(int stage, DeploymentUnderCheck stack) {
        List<Check> checks = new ArrayList<>(List.of(routes(stage, stack)));
        if (stage >= 2) {
            checks.add(tableName(stack));
        }
        return checks;
    }

    static Set<String> expectedRoutes(int stage) {
        return stage <= 2 ? Set.of("GET /") : Set.of("GET /", "GET /tags/{tag}", "GET /counts/{tag}");
    }

    private static Check routes(int stage, DeploymentUnderCheck stack) {
        return new Check("template: routes", () -> {
            Set<String> expected = new TreeSet<>(expectedRoutes(stage));
            Set<String> declared = new TreeSet<>();
            for (ApiEvent event : stack.template().apiEvents()) {
                declared.add(event.method().toUpperCase() + " " + event.path());
            }
            return new Outcome(declared.equals(expected), "template.yaml", "Api events " + expected,
                    "Api events " + declared);
        });
    }

    /** Each function is told the table's name, as {@code !Ref} of the table gives it. */
    private static Check tableName(DeploymentUnderCheck stack) {
        return new Check("template: TABLE_NAME of every function", () -> {
            Set<String> tables = new TreeSet<>(stack.tables().values().stream().map(DeployedTable::name).toList());
            List<String> wrong = new ArrayList<>();
            for (FunctionResource function : stack.template().functions().values()) {
                String value = stack.environment(function.logicalId()).get("TABLE_NAME");
                if (value == null || !tables.contains(value)) {
                    wrong.add(function.logicalId() + " has TABLE_NAME " + (value == null ? "(none)" : value));
                }
            }
            return new Outcome(wrong.isEmpty(), "template.yaml",
                    "TABLE_NAME: !Ref of the table (" + String.join(", ", tables) + ") in every function",
                    wrong.isEmpty() ? "as expected" : String.join("; ", wrong));
        });
    }
}
