package dev.minstrel.compat.web;

import dev.minstrel.compat.PackagedServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven through its own chromedriver, pointed at a packaged server:
 * page helpers for the browser tests, an axe-core audit, screenshots at a phone's and a desktop's
 * width, and the network log (to see the status of each response, media included).
 */
final class Browser implements AutoCloseable {

    static final int PHONE_WIDTH = 360;
    static final int DESKTOP_WIDTH = 1280;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static String axeScript;

    final ChromeDriver driver;
    private final PackagedServer server;
    private final List<JsonNode> network = new ArrayList<>();

    Browser(PackagedServer server, Path profile) {
        this.server = server;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("minstrel.chromium", "/usr/bin/chromium"));
        // the sandbox needs privileges CI does not have; the network is closed, so nothing is fetched
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--autoplay-policy=no-user-gesture-required", "--mute-audio", "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP_WIDTH + ",900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("minstrel.chromedriver", "/usr/bin/chromedriver")))
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    void open(String path) {
        driver.get(server.uri(path).toString());
        awaitPage();
    }

    /** Waits until the router has drawn the page: a heading, no "Loading…". */
    void awaitPage() {
        await(d -> (Boolean) js("return !!document.querySelector('main h1') && !document.querySelector('main .spinner');"));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T await(Function<WebDriver, T> condition) {
        return await(Duration.ofSeconds(20), condition);
    }

    <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        // pages redraw as data arrives: an element found a moment ago may have been replaced
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    WebElement find(String css) {
        return await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Clicks the element, finding it again if the page redrew it between the find and the click. */
    void click(String css) {
        await(d -> {
            find(css).click();
            return true;
        });
    }

    /** Clicks the button with this text, finding it again if the page redrew it before the click. */
    void clickButton(String text) {
        await(d -> {
            button(text).click();
            return true;
        });
    }

    /** Sends keys to the element, finding it again if the page redrew it in between. */
    void press(String css, CharSequence... keys) {
        await(d -> {
            find(css).sendKeys(keys);
            return true;
        });
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement button(String text) {
        return await(d -> d.findElements(By.cssSelector("main button, main a.button, dialog button, #queue button")).stream()
                .filter(b -> b.isDisplayed() && b.getText().strip().equals(text)).findFirst().orElse(null));
    }

    String heading() {
        return find("main h1").getText();
    }

    /** The element that has the keyboard focus: tag, id, and accessible text, for focus-order checks. */
    String focused() {
        return (String) js("const e = document.activeElement; return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                + " + ':' + (e.getAttribute('aria-label') || e.textContent.trim()).slice(0, 40);");
    }

    void tab() {
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void signIn(String username, String password) {
        open("/");
        if (!all("#top:not([hidden])").isEmpty()) {
            signOut();
        }
        type("#username", username);
        type("#password", password + Keys.ENTER);
        await(d -> !d.findElements(By.cssSelector("#top:not([hidden])")).isEmpty());
        awaitPage();
    }

    void signOut() {
        js("return fetch('/api/auth/logout', {method: 'POST', headers: {'X-XSRF-TOKEN': (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || ''}});");
        open("/");
        await(d -> d.findElements(By.cssSelector("#signin-error")).size() == 1);
    }

    /** Emulates a phone (360 px wide, touch) or the desktop window. */
    void width(int width) {
        if (width == DESKTOP_WIDTH) {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } else {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 780,
                    "deviceScaleFactor", 2, "mobile", true));
        }
    }

    /** Screenshots of the current page at a phone's and a desktop's width; asserts no sideways scrolling on the phone. */
    void screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            width(PHONE_WIDTH);
            settle();
            long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("sideways scrolling at %d px on %s", PHONE_WIDTH, name).isLessThanOrEqualTo(0);
            Files.write(SCREENSHOTS.resolve(name + "-360.png"), driver.getScreenshotAs(OutputType.BYTES));
            width(DESKTOP_WIDTH);
            settle();
            Files.write(SCREENSHOTS.resolve(name + "-1280.png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets layout, lazy images and charts catch up with a size change. */
    void settle() {
        js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 250))));");
        await(d -> (Boolean) js("return [...document.images].filter(i => i.getBoundingClientRect().top < innerHeight)"
                + ".every(i => i.complete);"));
    }

    /** Runs axe-core on the page; returns the violations of impact serious or critical, as "rule: nodes". */
    List<String> seriousAccessibilityViolations() {
        if (axeScript == null) {
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                assertThat(in).as("axe.min.js from com.deque.html.axe-core:selenium").isNotNull();
                axeScript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!(Boolean) js("return typeof window.axe === 'object';")) {
            js(axeScript);
        }
        String result = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(
                  r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.help + ' -> ' + v.nodes.map(n => n.target.join(' ')).join(', ')))));""");
        return JSON.readValue(result, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    /** Network responses seen since the last call (Chrome's DevTools log): url, status, headers. */
    List<JsonNode> responses() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if ("Network.responseReceived".equals(message.path("method").asString())) {
                network.add(message.path("params").path("response"));
            }
        }
        return network;
    }

    void clearCache() {
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
