package cn.tuoyu.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A JSON body of the project's API with a property its type does not know is refused (400 naming
 * the property) instead of being silently dropped: a misspelt field would otherwise look saved.
 *
 * <p>Only Spring MVC's JSON converter gets a stricter copy of the application's ObjectMapper. The
 * ObjectMapper bean itself stays lenient, and so does everything that does not go through Spring MVC:
 * Camunda's REST API and webapps are JAX-RS with their own ObjectMapper (Camunda's
 * {@code JacksonConfigurator}, unknown properties ignored), Spin has its own too. The shared converter
 * instance is replaced, not modified, so HTTP clients built from Spring Boot's converters stay lenient.
 */
@Configuration
class ApiJsonConfiguration implements WebMvcConfigurer {

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    for (int i = 0; i < converters.size(); i++) {
      if (converters.get(i).getClass() == MappingJackson2HttpMessageConverter.class) {
        MappingJackson2HttpMessageConverter lenient = (MappingJackson2HttpMessageConverter) converters.get(i);
        converters.set(i, new MappingJackson2HttpMessageConverter(
            lenient.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));
      }
    }
  }
}
