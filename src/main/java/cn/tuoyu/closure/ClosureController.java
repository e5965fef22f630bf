package cn.tuoyu.closure;

import cn.tuoyu.institution.CreditCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 关闭注销 cases for the departments' clerks and supervisors of the institution's county. */
@RestController
@RequestMapping("/api/closures")
public class ClosureController {

  private final ClosureService closures;

  public ClosureController(ClosureService closures) {
    this.closures = closures;
  }

  /** 404 when there is no case, or when it lies in a county the caller does not work for. */
  @GetMapping("/{creditCode}")
  public ClosureView closure(@PathVariable("creditCode") String creditCode) {
    return closures.view(CreditCode.parse(creditCode).value());
  }
}
