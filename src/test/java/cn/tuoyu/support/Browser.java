package cn.tuoyu.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright, for the browser tests of the Camunda webapps.
 *
 * <p>Register it once per test class: {@code @RegisterExtension static final Browser browser = new Browser();}.
 * Chromium starts before the first test of the class and stops after the last; every
 * {@link #person(String, String) person} gets a fresh browser profile (context: cookies, localStorage,
 * language), closed after the test. Playwright never downloads a browser: it starts
 * {@value #CHROMIUM} and fails the tests when that is missing.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  /** Waits for elements and navigation; generous because the build machine has two shared cores. */
  static final double TIMEOUT_MS = 30_000;

  /** The network of the build machine is closed: without these flags Chromium waits on connections. */
  private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

  private Playwright playwright;
  private com.microsoft.playwright.Browser chromium;
  private final List<Person> people = new ArrayList<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    Path executable = Paths.get(CHROMIUM);
    if (!Files.isExecutable(executable)) {
      throw new IllegalStateException("The browser tests need Debian's Chromium at " + CHROMIUM
          + " (apt-get install chromium fonts-noto-cjk); it is missing. Playwright is not allowed to"
          + " download a browser, so these tests fail instead of running without one.");
    }
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(executable)
        .setHeadless(true)
        .setArgs(ARGS));
    PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    boolean failed = context.getExecutionException().isPresent();
    int i = 0;
    for (Person person : people) {
      if (failed && !person.page.isClosed()) {
        // Keep what was on screen when the test failed, next to the regular screenshots.
        person.screenshot("FAILED-" + context.getRequiredTestMethod().getName() + "-" + (++i));
      }
      person.context.close();
    }
    people.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (chromium != null) {
      chromium.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  /**
   * One person at one browser: a new context whose first language is {@code locale} ("zh-CN",
   * "en-US"), in the time zone of Yan'an, with one page.
   */
  /**
   * Types into a form-js field and leaves it, as a person does: form-js takes typed input after a
   * short delay or on blur, and a re-render of the form in between (another field's update) would
   * put the old value back. Right after a form appears it may also re-render once more and drop
   * what was typed, so the value is typed again (up to three times) until it stays.
   */
  public static void enter(Locator input, String value) {
    for (int attempt = 1; attempt < 3; attempt++) {
      input.fill(value);
      input.blur();
      input.page().waitForTimeout(300);
      if (value.equals(input.inputValue())) {
        return;
      }
    }
    input.fill(value);
    input.blur();
    PlaywrightAssertions.assertThat(input).hasValue(value);
  }

  public Person person(String baseUrl, String locale) {
    if (chromium == null) {
      throw new IllegalStateException("Browser is not started: register it with @RegisterExtension on a static field");
    }
    BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setLocale(locale)
        .setTimezoneId("Asia/Shanghai")
        .setViewportSize(1400, 900));
    context.setDefaultTimeout(TIMEOUT_MS);
    context.setDefaultNavigationTimeout(TIMEOUT_MS * 2);
    Person person = new Person(baseUrl, context, context.newPage());
    people.add(person);
    return person;
  }

  /** A person at the browser: a fresh profile and its page. */
  public static final class Person {

    private final String baseUrl;
    private final BrowserContext context;
    private final Page page;

    /** Errors the page wrote to the browser console or threw, e.g. a script refused by the CSP. */
    private final List<String> consoleErrors = new ArrayList<>();

    Person(String baseUrl, BrowserContext context, Page page) {
      this.baseUrl = baseUrl;
      this.context = context;
      this.page = page;
      page.onConsoleMessage(message -> {
        if ("error".equals(message.type())) {
          consoleErrors.add(message.text());
        }
      });
      page.onPageError(error -> consoleErrors.add(error));
    }

    /** What the page reported as errors so far (console errors and uncaught exceptions). */
    public List<String> consoleErrors() {
      return List.copyOf(consoleErrors);
    }

    public Page page() {
      return page;
    }

    /** Opens a webapp ({@code tasklist}, {@code cockpit}, {@code admin}, {@code welcome}) and waits for its login form. */
    public Person openLogin(String app) {
      page.navigate(baseUrl + "/camunda/app/" + app + "/default/");
      PlaywrightAssertions.assertThat(usernameField()).isVisible();
      return this;
    }

    /** Types the credentials into Camunda's login form and presses its button, without waiting for the outcome. */
    public Person submitLogin(String user, String password) {
      Locator passwordField = page.locator("form[name=signinForm] input[type=password]");
      // The login page focuses the user name field once it has rendered; on a slow machine that can
      // land between two fills and send the password into the user name. Fill until both hold.
      for (int attempt = 0; attempt < 5; attempt++) {
        usernameField().fill(user);
        passwordField.fill(password);
        if (user.equals(usernameField().inputValue()) && password.equals(passwordField.inputValue())) {
          break;
        }
      }
      page.locator("form[name=signinForm] button[type=submit]").click();
      return this;
    }

    public Person loginTasklist(String user, String password) {
      return login("tasklist", user, password);
    }

    public Person loginCockpit(String user, String password) {
      return login("cockpit", user, password);
    }

    public Person loginAdmin(String user, String password) {
      return login("admin", user, password);
    }

    /** Logs in through the form and waits until the app is open. */
    public Person login(String app, String user, String password) {
      return openLogin(app).submitLogin(user, password).awaitLoggedIn();
    }

    /** Waits until the login form is gone and the header shows the account menu of the logged-in person. */
    public Person awaitLoggedIn() {
      PlaywrightAssertions.assertThat(page.locator("[cam-widget-header] li.account")).isVisible();
      PlaywrightAssertions.assertThat(usernameField()).hasCount(0);
      return this;
    }

    /** A full-page PNG at {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
      Path file = SCREENSHOTS.resolve(name + ".png");
      try {
        Files.createDirectories(SCREENSHOTS);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // Move the pointer out of the way so no hover tooltip covers the page.
      page.mouse().move(0, page.viewportSize() == null ? 0 : page.viewportSize().height - 1);
      try {
        PlaywrightAssertions.assertThat(page.locator(".tooltip"))
            .hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(5_000));
      } catch (AssertionError stillThere) {
        // A tooltip that does not fade out only spoils the picture, not the test.
      }
      page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
      return file;
    }

    /**
     * The texts a person can read on the page now: text of rendered elements that is not clipped
     * away (collapsed alerts, screen-reader-only labels) and placeholders of empty visible fields.
     * Text inside scrollable areas counts: scrolling shows it.
     */
    @SuppressWarnings("unchecked")
    public List<String> visibleTexts() {
      return (List<String>) page.evaluate(VISIBLE_TEXTS);
    }

    private Locator usernameField() {
      return page.locator("form[name=signinForm] input[type=text]");
    }
  }

  private static final String VISIBLE_TEXTS = """
      () => {
        const clipsContent = (style) => ['hidden', 'clip'].includes(style.overflowX)
            || ['hidden', 'clip'].includes(style.overflowY) || style.clip !== 'auto' || style.clipPath !== 'none';
        const readable = (rect, element) => {
          let left = rect.left, top = rect.top, right = rect.right, bottom = rect.bottom;
          for (let a = element; a && a !== document.documentElement; a = a.parentElement) {
            if (!clipsContent(getComputedStyle(a))) continue;
            const box = a.getBoundingClientRect();
            left = Math.max(left, box.left); top = Math.max(top, box.top);
            right = Math.min(right, box.right); bottom = Math.min(bottom, box.bottom);
            if (right - left < 2 || bottom - top < 2) return false;
          }
          return true;
        };
        const shown = (element) => element.checkVisibility({opacityProperty: true, visibilityProperty: true});
        const texts = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode;
          const text = node.textContent.replace(/\\s+/g, ' ').trim();
          const element = node.parentElement;
          if (!text || !element || element.closest('script, style, noscript, template') || !shown(element)) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          if ([...range.getClientRects()].some(r => r.width > 0 && r.height > 0 && readable(r, element))) {
            texts.push(text);
          }
        }
        for (const field of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
          const box = field.getBoundingClientRect();
          if (!field.value && field.placeholder.trim() && shown(field) && box.width > 0 && box.height > 0
              && readable(box, field.parentElement)) {
            texts.push(field.placeholder.trim());
          }
        }
        return texts;
      }
      """;
}
