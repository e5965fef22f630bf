package cn.tuoyu.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Protection of the engine REST API: HTTP Basic against Camunda's identity service (what Camunda
 * Modeler's deploy button speaks; the engine then applies authorizations and tenants of that user),
 * the expression guard for task queries, a default page size for unpaged lists, and security headers outside the webapps (which set their
 * own through Camunda's header-security filter). The project's API ({@code /api}) gets the same HTTP
 * Basic except under {@code /api/public/}; the public pages ({@code /public/}) get a strict content
 * security policy.
 *
 * <p>Filter order: security headers first (so that a 401 carries them too), then authentication,
 * then the engine REST guards.
 */
@Configuration
public class RestSecurityConfiguration {

  static final String ENGINE_REST = "/engine-rest";

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        BasicAuthenticationInOneCommand.class.getName());
    registration.addUrlPatterns(ENGINE_REST + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> apiAuthentication(ObjectProvider<ProcessEngine> engine, ObjectMapper json) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine::getObject, json));
    registration.setName("api-authentication");
    registration.addUrlPatterns(ApiAuthenticationFilter.API + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** After authentication, so that the one command runs as the signed-in user throughout. */
  @Bean
  FilterRegistrationBean<Filter> taskReadInOneCommand(ObjectProvider<ProcessEngine> engine,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new TaskReadInOneCommand(engine::getObject));
    registration.setName("task-read-in-one-command");
    registration.addUrlPatterns(ENGINE_REST + "/*", webapps + "/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> engineRestQueryExpressionGuard(ObjectMapper json) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new QueryExpressionGuard(json, ENGINE_REST));
    registration.setName("engine-rest-query-expression-guard");
    registration.addUrlPatterns(ENGINE_REST + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> engineRestDefaultPageSize(
      @Value("${camunda.bpm.generic-properties.properties.query-max-results-limit}") int limit) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new DefaultPageSizeFilter(limit));
    registration.setName("engine-rest-default-page-size");
    registration.addUrlPatterns(ENGINE_REST + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> apiSecurityHeaders() {
    return headers("api-security-headers", Map.of(
        "X-Content-Type-Options", "nosniff",
        "X-Frame-Options", "DENY",
        "Referrer-Policy", "same-origin",
        "Cache-Control", "no-store"), ENGINE_REST + "/*", "/api/*", "/actuator/*");
  }

  /**
   * The public pages load only their own scripts, styles and the public API: no inline code, no
   * third-party origin, no framing.
   */
  @Bean
  FilterRegistrationBean<Filter> publicPageSecurityHeaders() {
    return headers("public-page-security-headers", Map.of(
        "Content-Security-Policy", PUBLIC_PAGE_CSP,
        "X-Content-Type-Options", "nosniff",
        "X-Frame-Options", "DENY",
        "Referrer-Policy", "same-origin",
        "Cross-Origin-Opener-Policy", "same-origin",
        "Permissions-Policy", "camera=(), microphone=(), geolocation=()",
        // revalidate every time so that a changed page and its script never mix with a cached copy
        "Cache-Control", "no-cache"), "/public/*");
  }

  /** A filter that sets fixed response headers on the given paths, before anything else runs. */
  private static FilterRegistrationBean<Filter> headers(String name, Map<String, String> values,
      String... urlPatterns) {
    Filter filter = (request, response, chain) -> {
      HttpServletResponse http = (HttpServletResponse) response;
      values.forEach(http::setHeader);
      chain.doFilter(request, response);
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addUrlPatterns(urlPatterns);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static final String PUBLIC_PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
}
