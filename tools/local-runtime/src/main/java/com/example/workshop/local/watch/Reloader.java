package com.example.workshop.local.watch;

import com.example.workshop.local.deploy.LocalDeployment;
import com.example.workshop.local.deploy.Stage;
import com.example.workshop.local.deploy.StageBuild;
import com.example.workshop.local.template.SamTemplate;
import com.example.workshop.local.template.TemplateException;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Serves a change: builds it (javac in this JVM for sources, Maven again for pom.xml), reloads the deployment with
 * it, and says so in one line. A change that does not build or deploy leaves the last good version serving, and
 * the learner reads why, as javac or the template check says it.
 */
final class Reloader {

    private final LocalDeployment deployment;
    private final Stage stage;
    private final Optional<TaskRootCompiler> compiler;
    private final Builds builds;
    private static final Logger LOG = System.getLogger(Reloader.class.getName());

    Reloader(LocalDeployment deployment) {
        this.deployment = deployment;
        this.stage = deployment.stage();
        this.compiler = TaskRootCompiler.forStage(stage.directory());
        this.builds = new Builds(stage.directory().resolve("target/local/builds"));
    }

    void reload(Change change) {
        long started = System.nanoTime();
        try {
            SamTemplate template = change.template() ? SamTemplate.load(stage.template()) : deployment.template();
            Path taskRoot = change.pom() || change.sources() ? build(change) : deployment.taskRoot();
            List<String> serving = deployment.reload(template, taskRoot);
            deployment.startApiFunctionsAhead();
            LOG.log(Level.INFO, "Reloaded in %.1f s: %s; %s %s the new %s".formatted((System.nanoTime() - started) / 1e9,
                    change.describe(), String.join(", ", serving), serving.size() == 1 ? "serves" : "serve",
                    change.pom() || change.sources() ? "code" : "template"));
        } catch (CompileErrors e) {
            refused(change, "does not compile", e.getMessage());
        } catch (TemplateException e) {
            refused(change, "it is not a valid template", e.getMessage());
        } catch (RuntimeException e) {
            refused(change, "cannot be served", e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /**
     * Compiles the stage once into a folder thrown away: javac's first run in a JVM is several times slower than
     * the next ones, and the learner's first save should not wait for it.
     */
    void warmUp() {
        compiler.ifPresent(javac -> {
            Path build = builds.next();
            try {
                javac.build(StageBuild.taskRoot(stage).resolve("lib"), build);
            } catch (RuntimeException e) {
                // the learner's first save reports what is wrong
            } finally {
                builds.discard(build);
            }
        });
    }

    private Path build(Change change) {
        if (change.pom() || compiler.isEmpty()) {
            StageBuild.ensureBuilt(stage);  // Maven: new dependencies, or no javac in this JVM
        }
        if (compiler.isEmpty()) {
            return StageBuild.taskRoot(stage);
        }
        Path build = builds.next();
        try {
            compiler.get().build(StageBuild.taskRoot(stage).resolve("lib"), build);
            return build;
        } catch (RuntimeException e) {
            builds.discard(build);
            throw e;
        }
    }

    private void refused(Change change, String why, String details) {
        LOG.log(Level.WARNING, change.describe() + ", but " + why + "; the last good version keeps serving:\n  "
                + details.replace("\n", "\n  "));
    }
}
