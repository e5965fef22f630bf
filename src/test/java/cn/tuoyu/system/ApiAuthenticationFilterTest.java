package cn.tuoyu.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ApiAuthenticationFilterTest {

  @Test
  void publicOnlyWhenTheContainerAndTheRawUriAgree() {
    assertThat(ApiAuthenticationFilter.isPublic(request("/api/public/institutions", "/api/public/institutions"))).isTrue();
    assertThat(ApiAuthenticationFilter.isPublic(request("/api/cases", "/api/cases"))).isFalse();
    assertThat(ApiAuthenticationFilter.isPublic(request("/api/publicity", "/api/publicity"))).isFalse();
    assertThat(ApiAuthenticationFilter.isPublic(request("/api/public", "/api/public"))).isFalse();
    // normalised by the container to a protected path
    assertThat(ApiAuthenticationFilter.isPublic(request("/api/public/../cases", "/api/cases"))).isFalse();
    // normalised to a public path, but Spring MVC routes by the raw URI
    assertThat(ApiAuthenticationFilter.isPublic(request("/api/cases/../public/x", "/api/public/x"))).isFalse();
    assertThat(ApiAuthenticationFilter.isPublic(request("/api/public/a/../b", "/api/public/b"))).isFalse();
  }

  @Test
  void theContextPathIsNotPartOfThePath() {
    MockHttpServletRequest request = request("/tuoyu/api/public/counties", "/api/public/counties");
    request.setContextPath("/tuoyu");
    assertThat(ApiAuthenticationFilter.isPublic(request)).isTrue();
  }

  private static MockHttpServletRequest request(String uri, String servletPath) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
    request.setServletPath(servletPath);
    return request;
  }
}
