package cn.tuoyu.disclosure;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 信息公示: the registry as the public may see it, without login (under {@code /api/public/}).
 * The page {@code /public/institutions.html} is built on these two endpoints.
 */
@RestController
@RequestMapping("/api/public")
public class PublicDisclosureController {

  static final int MAX_PAGE_SIZE = 100;

  private final DisclosureRepository disclosure;

  public PublicDisclosureController(DisclosureRepository disclosure) {
    this.disclosure = disclosure;
  }

  /**
   * @param name part of the institution's name, any case
   * @param county division code of the county
   * @param page 1-based
   */
  @GetMapping("/institutions")
  public PublicPage<PublicInstitution> institutions(
      @RequestParam(name = "name", required = false)
      @Size(max = 50, message = "机构名称最多 50 个字") String name,
      @RequestParam(name = "county", required = false)
      @Pattern(regexp = "\\s*|\\d{6}", message = "区县代码应为 6 位数字") String county,
      @RequestParam(name = "page", defaultValue = "1")
      @Min(value = 1, message = "页码从 1 开始") int page,
      @RequestParam(name = "size", defaultValue = "20")
      @Min(value = 1, message = "每页至少 1 条") @Max(value = MAX_PAGE_SIZE, message = "每页最多 100 条") int size) {
    return disclosure.search(blankToNull(name), blankToNull(county), page, size);
  }

  @GetMapping("/counties")
  public List<PublicCounty> counties() {
    return disclosure.counties();
  }

  /** The search form sends empty fields for "all". */
  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
