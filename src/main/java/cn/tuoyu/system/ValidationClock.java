package cn.tuoyu.system;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Today" in validation (@PastOrPresent on an approval date) is today in China, whatever time zone
 * the server runs in: between 00:00 and 08:00 Beijing time a UTC server would still be on yesterday.
 */
@Configuration
public class ValidationClock {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Bean
  ValidationConfigurationCustomizer chinaClock() {
    return configuration -> configuration.clockProvider(() -> Clock.system(CHINA));
  }
}
