package com.example.workshop.docs;

import com.example.workshop.local.deploy.Stage;
import com.example.workshop.local.template.SamTemplate;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The workshop's stage folders ({@code module-N-name/} with a template.yaml) and their templates' names. */
final class Stages {

    private final Path root;
    private final List<String> names;
    private final Map<String, SamTemplate> templates = new HashMap<>();

    Stages(Path root) {
        this.root = root;
        this.names = Stage.all(root).stream().map(Stage::name).toList();
    }

    List<String> names() {
        return names;
    }

    /** A stage by folder name or by number, as {@code ./workshop run 3} names it. */
    Optional<String> find(String nameOrNumber) {
        return names.stream()
                .filter(name -> name.equals(nameOrNumber) || name.startsWith("module-" + nameOrNumber + "-"))
                .findFirst();
    }

    /** The logical IDs of the stages' resources: their functions and tables. */
    Set<String> logicalIds(List<String> stages) {
        Set<String> ids = new TreeSet<>();
        for (String stage : stages) {
            SamTemplate template = template(stage);
            ids.addAll(template.functions().keySet());
            ids.addAll(template.tables().keySet());
        }
        return ids;
    }

    Set<String> outputKeys(List<String> stages) {
        Set<String> keys = new TreeSet<>();
        stages.forEach(stage -> keys.addAll(template(stage).outputs().keySet()));
        return keys;
    }

    /** Read with the local runtime's template model, the one ./workshop run deploys from. */
    private SamTemplate template(String stage) {
        return templates.computeIfAbsent(stage, name -> SamTemplate.load(root.resolve(name).resolve("template.yaml")));
    }
}
