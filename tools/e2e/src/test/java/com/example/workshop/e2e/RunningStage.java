package com.example.workshop.e2e;

import com.example.workshop.local.PackageLog;
import com.example.workshop.local.checks.CheckReport;
import com.example.workshop.local.checks.StageChecks;
import com.example.workshop.local.checks.Target;
import com.example.workshop.local.deploy.LocalDeployment;
import com.example.workshop.local.deploy.Stage;
import com.example.workshop.local.deploy.StageBuild;
import com.example.workshop.local.lambda.CapturedLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stage of the repository deployed locally, as {@code ./workshop run} deploys it, reached over real HTTP. */
final class RunningStage implements AutoCloseable {

    static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final CapturedLog functionLog = new CapturedLog();
    /** The runtime's own log (System.Logger): its access log, notes, IAM and streams lines. */
    final PackageLog platformLog = new PackageLog("com.example.workshop.local");
    final LocalDeployment deployment;

    private static boolean stagesBuilt;

    private RunningStage(String stage, Path databaseFile) {
        buildStagesOnce();
        LocalDeployment.Options options = new LocalDeployment.Options(databaseFile, 0, true, 4, functionLog);
        this.deployment = LocalDeployment.start(Stage.resolve(REPOSITORY, stage), options);
    }

    /**
     * Builds the package of every stage that lacks an up-to-date one, in a single Maven run, before the first test
     * serves a stage; {@code ./workshop run} would build each alone, one Maven start per stage.
     */
    static synchronized void buildStagesOnce() {
        if (!stagesBuilt) {
            StageBuild.ensureBuilt(REPOSITORY, Stage.all(REPOSITORY));
            stagesBuilt = true;
        }
    }

    /** With an in-memory database. */
    static RunningStage start(String stage) {
        return new RunningStage(stage, null);
    }

    static RunningStage start(String stage, Path databaseFile) {
        return new RunningStage(stage, databaseFile);
    }

    /** e.g. http://127.0.0.1:41234/Prod/ */
    String baseUrl() {
        return deployment.api().baseUrl();
    }

    String root() {
        return "http://127.0.0.1:" + deployment.api().port();
    }

    HttpResponse<String> get(String pathFromRoot) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(root() + pathFromRoot)).build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the checks of `./workshop smoke <url> --stage N` against {@code url}; fails listing the failed ones. */
    static CheckReport assertPassesChecks(int stage, String url) {
        CheckReport report = StageChecks.run(StageChecks.forStage(stage, Target.of(url), StageChecks.DEFAULT_STREAM_WAIT),
                result -> { });
        assertTrue(report.allPassed(), () -> report.totalLine("stage " + stage + " at " + url) + "\n"
                + String.join("\n", report.failureLines()));
        return report;
    }

    @Override
    public void close() {
        deployment.close();
        platformLog.close();
    }
}
