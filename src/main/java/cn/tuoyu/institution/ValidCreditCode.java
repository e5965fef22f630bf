package cn.tuoyu.institution;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * {@code String} 须是有效的统一社会信用代码（规则同 {@link CreditCode#parse}，含去空白和大小写规范化）。
 *
 * <p>{@code null} 和空白字符串视为有效：是否必填由 {@code @NotBlank} 负责。
 * 消息中的 {@code {reason}} 是具体原因，例如“校验位错误，应为 K”。
 */
@Documented
@Constraint(validatedBy = CreditCodeValidator.class)
@Target({FIELD, METHOD, PARAMETER, CONSTRUCTOR, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface ValidCreditCode {

  String message() default "统一社会信用代码无效：{reason}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
