package cn.tuoyu.support;

import com.microsoft.playwright.Locator;
import java.util.List;

/**
 * English that a Camunda Form (form-js) in the browser still shows: text nodes, placeholders,
 * tooltips ({@code title}) and screen-reader labels ({@code aria-label}) inside the form, hidden
 * ones included, that hold a word of three or more Latin letters. Values people typed into fields
 * are not looked at, nor the format hints of date and time fields (placeholder "yyyy/mm/dd",
 * "hh:mm"), which show the digits to type, nor the name bpmn.io (the logo under every form). For the Chinese webapps this should be empty: hardcoded-texts-zh.js replaces
 * what form-js hard-codes.
 */
public final class FormJsTexts {

  private FormJsTexts() {}

  @SuppressWarnings("unchecked")
  public static List<String> english(Locator form) {
    return (List<String>) form.evaluate(ENGLISH);
  }

  private static final String ENGLISH = """
      form => {
        const words = /[A-Za-z]{3,}/;
        const english = text => words.test(text.replace(/bpmn\\.io/g, ''));
        const formatHint = /^[ymdh]+([\\/.:-][ymdh]+)*( \\?m)?$/i;
        const found = [];
        const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const text = walker.currentNode.data.trim();
          if (english(text) && !walker.currentNode.parentElement.closest('style, script')) {
            found.push(text);
          }
        }
        for (const element of form.querySelectorAll('[placeholder], [title], [aria-label]')) {
          for (const attribute of ['placeholder', 'title', 'aria-label']) {
            const value = element.getAttribute(attribute);
            if (value && english(value) && !(attribute === 'placeholder' && formatHint.test(value))) {
              found.push(attribute + '="' + value + '"');
            }
          }
        }
        return found;
      }
      """;
}
