package cn.tuoyu.rectification;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tuoyu.system.ApiErrorHandler;
import cn.tuoyu.system.NotFoundException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * The rectification API's answers as a client sees them, with the service mocked: status codes,
 * Chinese messages naming the field, nothing handed on when the input is bad. (Authentication and
 * the engine's rights are the business of the integration tests.)
 */
class RectificationControllerTest {

  private static final String KEY = "52610602MJ0000001K-2025";

  private RectificationService service;
  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    service = mock(RectificationService.class);
    LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
    validator.afterPropertiesSet();
    mvc = MockMvcBuilders.standaloneSetup(new RectificationController(service))
        .setControllerAdvice(new ApiErrorHandler())
        .setValidator(validator)
        .build();
  }

  @Test
  void report_201WithTheReportId() throws Exception {
    when(service.submitReport(eq(KEY), any())).thenReturn(42L);
    mvc.perform(post("/api/rectifications/{key}/report", KEY).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reportText\":\"已整改\",\"measures\":\"更换护栏\",\"completedOn\":\"2026-03-01\"}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/rectifications/" + KEY))
        .andExpect(jsonPath("$.reportId").value(42));
  }

  @Test
  void report_missingFields_400NamingEachFieldInChinese() throws Exception {
    mvc.perform(post("/api/rectifications/{key}/report", KEY).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reportText\":\" \",\"completedOn\":\"2999-01-01\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("completedOn"))
        .andExpect(jsonPath("$.errors[0].message").value("整改完成日期不能晚于今天"))
        .andExpect(jsonPath("$.errors[1].field").value("measures"))
        .andExpect(jsonPath("$.errors[1].message").value("整改措施不能为空"))
        .andExpect(jsonPath("$.errors[2].field").value("reportText"))
        .andExpect(jsonPath("$.errors[2].message").value("整改情况报告不能为空"));
    verifyNoInteractions(service);
  }

  @Test
  void report_noWaitingCase_404() throws Exception {
    when(service.submitReport(eq(KEY), any())).thenThrow(new NotFoundException("检查编号 " + KEY + " 没有等待整改报告的整改案件"));
    mvc.perform(post("/api/rectifications/{key}/report", KEY).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reportText\":\"已整改\",\"measures\":\"更换护栏\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("检查编号 " + KEY + " 没有等待整改报告的整改案件"));
  }

  @Test
  void badInspectionKey_400() throws Exception {
    mvc.perform(get("/api/rectifications/{key}", "a'b"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("inspectionKey"))
        .andExpect(jsonPath("$.errors[0].message").value("检查编号格式不正确"));
    verifyNoInteractions(service);
  }

  @Test
  void status_200_or404_or403() throws Exception {
    when(service.status(KEY)).thenReturn(new RectificationStatus(KEY, "52610602MJ0000001K", "610602", "GENERAL", "一般",
        20, "AWAITING_REPORT", "整改中，待提交整改报告", 1, 2, null, List.of(), null));
    mvc.perform(get("/api/rectifications/{key}", KEY))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("AWAITING_REPORT"))
        .andExpect(jsonPath("$.deadlineWorkingDays").value(20));

    when(service.status("other-2025")).thenThrow(new NotFoundException("没有检查编号为 other-2025 的整改案件"));
    mvc.perform(get("/api/rectifications/{key}", "other-2025")).andExpect(status().isNotFound());

    when(service.status("portal-2025")).thenThrow(new AuthorizationException("无权查看整改案件"));
    mvc.perform(get("/api/rectifications/{key}", "portal-2025")).andExpect(status().isForbidden());
  }
}
