package com.example.workshop.e2e;

import com.example.workshop.local.checks.StageChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Stage 4: visits counted per tag, and the total across all tags kept by the stream processor from the table's
 * stream; then a real browser walks the pages as a learner would.
 */
class Stage4StreamsTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration STREAM_LAG = Duration.ofSeconds(60);

    private static RunningStage stage;
    /** Visits made by all tests of this class, which is what the total must reach. */
    private static final AtomicInteger VISITS = new AtomicInteger();

    @BeforeAll
    static void start() {
        stage = RunningStage.start("4");
    }

    @AfterAll
    static void stop() {
        stage.close();
    }

    @Test
    void theCounterKeyIsNoTag() {
        for (String path : new String[]{"/Prod/tags/COUNTER", "/Prod/counts/COUNTER"}) {
            var response = stage.get(path);
            assertEquals(400, response.statusCode(), path);
            assertTrue(response.body().contains("reserved"), response.body());
        }
    }

    @Test
    void theStreamProcessorKeepsTheTotalOfAllVisits() {
        for (String tag : new String[]{"technology", "technology", "science"}) {
            assertEquals(200, stage.get("/Prod/tags/" + tag).statusCode());
            VISITS.incrementAndGet();
        }

        String counts = eventually(() -> stage.get("/Prod/counts/technology").body(),
                page -> page.contains("You have " + VISITS.get() + " visits across all pages."));
        assertTrue(counts.contains("The tag \"technology\" has 2 total visits."), counts);
    }

    /** They check that the total rises; {@link #theStreamProcessorKeepsTheTotalOfAllVisits} that it is exact. */
    @Test
    void itPassesTheSmokeChecks() {
        try {
            RunningStage.assertPassesChecks(4, stage.baseUrl());
        } finally {
            VISITS.addAndGet(StageChecks.VISITS);
        }
    }

    @Test
    @Tag("browser")
    void aLearnerFollowsTheLinkInABrowser(@TempDir Path profile) {
        WebDriver browser = chromium(profile);
        try {
            browser.get(stage.baseUrl() + "tags/browsed");
            VISITS.incrementAndGet();
            assertTrue(browser.findElement(By.tagName("body")).getText().contains("YOUR VISIT COUNTS."),
                    browser.getPageSource());

            browser.findElement(By.tagName("a")).click();

            assertEquals(stage.baseUrl() + "counts/browsed", browser.getCurrentUrl());
            assertEquals("The tag \"browsed\" has 1 total visits.", browser.findElement(By.tagName("h1")).getText());
            String total = eventually(() -> {
                browser.navigate().refresh();
                return browser.findElement(By.tagName("h2")).getText();
            }, text -> !text.contains("You have 0 visits"));
            assertTrue(total.matches("You have \\d+ visits across all pages\\."), total);
        } finally {
            browser.quit();
        }
    }

    /** Debian's chromium through its chromedriver: Selenium Manager never downloads a browser or driver. */
    private static WebDriver chromium(Path profile) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install them with `apt-get install chromium chromium-driver` (./workshop setup does, as root).");
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static String eventually(Supplier<String> read, java.util.function.Predicate<String> done) {
        Instant deadline = Instant.now().plus(STREAM_LAG);
        String last = read.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            sleep();
            last = read.get();
        }
        assertTrue(done.test(last), "not reached within " + STREAM_LAG + ": " + last);
        return last;
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
