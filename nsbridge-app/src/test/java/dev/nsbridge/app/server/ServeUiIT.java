package dev.nsbridge.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web UI end to end in a real headless Chromium (Debian's chromium and chromium-driver): log in, test a
 * connection, run a flow and watch it finish, open a refused record, fix it at the source, retry it and see it
 * resolved; then a screenshot of the dashboard for the README.
 */
final class ServeUiIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path folder;
    private ServeFixture fixture;
    private WebDriver browser;
    private final List<String> pages = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("the web UI test needs Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + "; install them with: apt-get install chromium chromium-driver");
        }
        fixture = new ServeFixture(folder, "0 3 * * *").start(false);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                // CI runs as root, where Chromium's sandbox cannot start; the page under test is our own.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1360,820", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (fixture != null) {
                fixture.close();
            }
        }
    }

    @Test
    void shouldLogInTestAConnectionRunAFlowAndRetryAFixedRecordToResolved() throws Exception {
        browser.get(fixture.url("/").toString());
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("token")).sendKeys("nsb_not_the_token");
        browser.findElement(By.id("login")).click();
        waitFor("the refusal", () -> text(By.id("login-error")).contains("not valid"));
        browser.findElement(By.id("token")).sendKeys(fixture.token);
        browser.findElement(By.id("login")).click();
        waitFor("the dashboard", () -> present(By.cssSelector("tr[data-pipeline='customers']")));
        keepPage();

        browser.findElement(By.id("nav-connections")).click();
        click(By.cssSelector("button.check[data-connection='klaviyo']"));
        waitFor("the Klaviyo check", () -> text(By.id("check-klaviyo")).contains("passed"));
        assertThat(text(By.id("check-klaviyo"))).contains("API key accepted");
        assertThat(browser.findElement(By.cssSelector("div.card[data-connection='klaviyo']")).getText())
                .contains("[hidden]");
        keepPage();

        browser.get(fixture.url("/#/pipelines/customers").toString());
        click(By.id("dry-run"));
        waitFor("the dry-run preview", () -> text(By.id("dry-run-output")).contains("email"));
        keepPage();
        click(By.id("run-now"));
        waitFor("the run to finish", () -> {
            browser.findElement(By.id("nav-dashboard")).click();
            return text(By.cssSelector("tr[data-pipeline='customers'] td.status")).contains("succeeded");
        });
        keepPage();
        assertThat(text(By.cssSelector("tr[data-pipeline='customers'] td.warnings"))).matches("[1-9][0-9,]*");
        browser.get(fixture.url("/#/errors?status=open&kind=warning").toString());
        waitFor("warnings, and only warnings, in the queue", () -> {
            List<WebElement> entries = browser.findElements(By.cssSelector("#errors tbody tr"));
            return !entries.isEmpty() && entries.stream().allMatch(entry -> "warning".equals(entry.getAttribute(
                    "data-kind")));
        });
        click(By.cssSelector("tr[data-kind='warning'] a.open-error"));
        waitFor("the warning, with Dismiss and no retry (its record was sent)", () -> text(By.tagName("h1"))
                .contains("Warning") && !browser.findElement(By.id("retry")).isEnabled()
                && text(By.id("resolve")).equals("Dismiss"));
        keepPage();

        browser.findElement(By.id("nav-errors")).click();
        WebElement row = waitFor("an invalid email in the queue", () ->
                browser.findElements(By.cssSelector("tr[data-kind='error'][data-code='invalid_email']")).stream().findFirst()
                        .orElse(null));
        String recordKey = row.findElements(By.tagName("td")).get(2).getText();
        row.findElement(By.cssSelector("a.open-error")).click();
        waitFor("the payload", () -> text(By.id("payload")).contains(recordKey));
        assertThat(text(By.id("reason"))).isNotBlank();
        assertThat(text(By.id("error-status"))).contains("open");
        keepPage();
        fixture.netSuite.account().executeAdmin("UPDATE customer SET email = 'fixed" + recordKey
                + "@example.com', phone = NULL WHERE id = " + recordKey);
        click(By.id("retry"));
        waitFor("the error to be resolved", () -> text(By.id("error-status")).contains("resolved"));
        keepPage();

        browser.findElement(By.id("nav-runs")).click();
        waitFor("the run charts", () -> present(By.id("chart-rows")) && present(By.cssSelector("#chart-rows rect")));
        keepPage();

        browser.get(fixture.url("/#/pipelines/customers").toString());
        click(By.id("go-live"));
        waitFor("the flow to be live", () -> text(By.tagName("h1")).contains("live"));
        browser.findElement(By.id("nav-dashboard")).click();
        waitFor("the dashboard", () -> text(By.cssSelector("tr[data-pipeline='customers'] td.status"))
                .contains("succeeded"));
        keepPage();
        screenshot();
        fixture.assertNoCredentialAnywhere(pages);
    }

    /** Written where the README shows it, so the picture there is the UI as this build draws it. */
    private void screenshot() throws Exception {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path root = Files.exists(module.resolve("nsbridge-app")) ? module : module.getParent();
        Path target = root.resolve("docs").resolve("screenshots").resolve("dashboard.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
    }

    private void keepPage() {
        pages.add(browser.getPageSource());
    }

    private void click(By locator) throws InterruptedException {
        waitFor(locator.toString(), () -> {
            WebElement element = browser.findElement(locator);
            if (!element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private boolean present(By locator) {
        return !browser.findElements(locator).isEmpty();
    }

    private String text(By locator) {
        List<WebElement> found = browser.findElements(locator);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** Polls until the condition holds (true or non-null); the page redraws itself, so a miss is retried. */
    private <T> T waitFor(String what, Supplier<T> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                T value = condition.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (WebDriverException e) {
                // the element was redrawn under us; look again
            }
            Thread.sleep(200);
        }
        return fail("waited " + PATIENCE.toSeconds() + " s for " + what + "; the page shows: "
                + browser.findElement(By.tagName("body")).getText());
    }
}
