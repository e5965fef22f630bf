package cn.tuoyu.institution;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** {@link ValidIdNumber} 的实现：把 {@link IdNumber} 解析时的具体原因放进消息参数 {@code reason}。 */
public class IdNumberValidator implements ConstraintValidator<ValidIdNumber, String> {

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null || value.isBlank()) {
      return true;
    }
    String problem = IdNumber.problemWith(value, IdNumber.today());
    if (problem == null) {
      return true;
    }
    context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("reason", escape(problem));
    return false;
  }

  /**
   * 原因里可能带有用户输入的字符。Hibernate Validator 代入参数后还会再扫描一遍 {@code ${…}} 表达式，
   * 未转义的花括号会让整条消息退回成模板原文，所以按消息模板的规则转义，插值结束时会还原。
   */
  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
  }
}
