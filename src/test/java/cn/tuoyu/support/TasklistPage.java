package cn.tuoyu.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.tuoyu.support.Browser.Person;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** How the browser tests find their way in Tasklist and its Camunda Forms (form-js), as a person would. */
public final class TasklistPage {

  /** How many pixels the most scrolled panel of the page hides. */
  private static final String SCROLLED_AWAY = """
      () => Math.max(0, ...[...document.querySelectorAll('body *')]
          .filter(e => e.clientHeight > 0 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowY))
          .map(e => e.scrollHeight - e.clientHeight))
      """;

  private TasklistPage() {}

  /** A filter of the left-hand list (我的待办, 本部门待办, 即将到期) by its name. */
  public static Locator filterEntry(Page page, String name) {
    return page.locator(".task-filter").filter(new Locator.FilterOptions()
        .setHas(page.locator("h4.name a").filter(new Locator.FilterOptions().setHasText(name))));
  }

  /** Narrows the task list with Tasklist's search box: criterion 流程实例业务标识, typed as a person would. */
  public static void searchByBusinessKey(Page page, String businessKey) {
    Locator search = page.locator("[cam-widget-search] input.main-field");
    search.click();
    search.fill("流程实例业务标识");
    page.locator("ul.dropdown-menu li:visible")
        .getByText("流程实例业务标识", new Locator.GetByTextOptions().setExact(true)).click();
    Locator pill = page.locator("[cam-widget-search] [cam-widget-search-pill]").last();
    assertThat(pill).containsText("流程实例业务标识");
    Locator value = pill.locator("input[type=text]");
    assertThat(value).isFocused();
    value.fill(businessKey);
    value.press("Enter");
    assertThat(pill).containsText(businessKey);
  }

  /** The label of a form-js field; a required field's label ends in an asterisk. */
  public static Locator fieldLabel(Locator form, String label) {
    return form.locator("label.fjs-form-field-label").filter(labelled(label));
  }

  /** A form-js field (its label, input, description and errors) by its label. */
  public static Locator field(Locator form, String label) {
    return form.locator(".fjs-form-field").filter(new Locator.FilterOptions()
        .setHas(form.page().locator("label.fjs-form-field-label").filter(labelled(label))));
  }

  /** The messages form-js shows under a field. */
  public static Locator error(Locator form, String label) {
    return field(form, label).locator(".fjs-form-field-error");
  }

  /** Picks an option of a form-js select: opens its list and clicks the option with that label. */
  public static void choose(Locator form, String label, String option) {
    Locator field = form.locator(".fjs-form-field-select").filter(new Locator.FilterOptions()
        .setHas(form.page().locator("label.fjs-form-field-label").filter(labelled(label))));
    field.locator(".fjs-select-display").click();
    field.locator(".fjs-dropdownlist-item").getByText(option, new Locator.GetByTextOptions().setExact(true)).click();
    assertThat(field.locator(".fjs-select-display")).hasText(option);
  }

  /** Matches a label's whole text, with or without the asterisk of a required field. */
  public static Locator.FilterOptions labelled(String label) {
    return new Locator.FilterOptions().setHasText(Pattern.compile("^" + containing(label).pattern() + "\\*?$"));
  }

  /** A pattern that finds the text literally. */
  public static Pattern containing(String text) {
    return Pattern.compile(text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0"));
  }

  /** The visible texts plus what visible text areas and fields hold (form-js sets their value, not their text). */
  @SuppressWarnings("unchecked")
  public static List<String> formTexts(Person person) {
    List<String> texts = new ArrayList<>(person.visibleTexts());
    texts.addAll((List<String>) person.page().evaluate("""
        () => [...document.querySelectorAll('textarea, input[type=text]')]
            .filter(f => f.value && f.checkVisibility() && f.getBoundingClientRect().height > 0)
            .map(f => f.value)
        """));
    return texts;
  }

  /**
   * Runs the action in a window tall enough that no panel of the page scrolls (Tasklist keeps its
   * panels inside the window and clips what they scroll away), then gives the window its size back.
   */
  public static <T> T onWholePage(Person person, Supplier<T> action) {
    Page page = person.page();
    int hidden = ((Number) page.evaluate(SCROLLED_AWAY)).intValue();
    if (hidden == 0) {
      return action.get();
    }
    int width = page.viewportSize().width;
    int height = page.viewportSize().height;
    // A little more than needed, so the form's buttons do not end flush with the footer.
    page.setViewportSize(width, height + hidden + 40);
    try {
      page.waitForFunction("() => (" + SCROLLED_AWAY + ")() === 0");
      return action.get();
    } finally {
      page.setViewportSize(width, height);
    }
  }

  public static void onWholePage(Person person, Runnable action) {
    onWholePage(person, () -> {
      action.run();
      return null;
    });
  }
}
