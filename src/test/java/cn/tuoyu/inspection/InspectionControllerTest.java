package cn.tuoyu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tuoyu.system.ApiErrorHandler;
import cn.tuoyu.system.ConflictException;
import cn.tuoyu.system.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * The inspection API's input checks and answers, on a stand-alone MockMvc with the project's error
 * handler: bad input is a 400 naming each field in Chinese and never reaches the service.
 */
class InspectionControllerTest {

  private static final String CODE = "52610602MJ0000001K";

  private final List<Object> calls = new ArrayList<>();
  private RuntimeException failure;
  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    InspectionService service = new InspectionService(null, null, null, null, null) {
      @Override
      public SelfReportResult submitSelfReport(String inspectionKey, SelfReportRequest request) {
        calls.add(request);
        if (failure != null) {
          throw failure;
        }
        return new SelfReportResult(inspectionKey, "instance-1");
      }

      @Override
      public SpecialInspectionResult startSpecial(SpecialInspectionRequest request) {
        calls.add(request);
        if (failure != null) {
          throw failure;
        }
        return new SpecialInspectionResult(request.creditCode() + "-2026-S1", request.creditCode(), 2026, "instance-2");
      }
    };
    LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
    validator.afterPropertiesSet();
    mvc = MockMvcBuilders.standaloneSetup(new InspectionController(service))
        .setControllerAdvice(new ApiErrorHandler())
        .setValidator(validator)
        .build();
  }

  @Test
  void selfReport_isHandedOn() throws Exception {
    mvc.perform(post("/api/inspections/" + CODE + "-2026/self-report").contentType(MediaType.APPLICATION_JSON)
            .content("{\"report\":\"自查情况良好\",\"enrolledChildren\":40,\"staffCount\":10,\"safetyIncidents\":0}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.inspectionKey").value(CODE + "-2026"));
    assertThat(calls).hasSize(1);
  }

  @Test
  void selfReport_badFieldsAreNamedInChinese() throws Exception {
    mvc.perform(post("/api/inspections/" + CODE + "-2026/self-report").contentType(MediaType.APPLICATION_JSON)
            .content("{\"report\":\" \",\"enrolledChildren\":-1,\"staffCount\":10}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'report')].message").value("自查报告不能为空"))
        .andExpect(jsonPath("$.errors[?(@.field == 'enrolledChildren')].message").value("在托婴幼儿数不能为负数"))
        .andExpect(jsonPath("$.errors[?(@.field == 'safetyIncidents')].message").value("本年度安全事故数不能为空"));
    mvc.perform(post("/api/inspections/not-a-key/self-report").contentType(MediaType.APPLICATION_JSON)
            .content("{\"report\":\"x\",\"enrolledChildren\":1,\"staffCount\":1,\"safetyIncidents\":0}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("inspectionKey"))
        .andExpect(jsonPath("$.errors[0].message").value("年检业务编号格式应为 统一社会信用代码-年份"));
    assertThat(calls).isEmpty();
  }

  @Test
  void selfReport_noWaitingInspectionIs404() throws Exception {
    failure = new NotFoundException("没有等待提交年度自查报告的年检：" + CODE + "-2026");
    mvc.perform(post("/api/inspections/" + CODE + "-2026/self-report").contentType(MediaType.APPLICATION_JSON)
            .content("{\"report\":\"x\",\"enrolledChildren\":1,\"staffCount\":1,\"safetyIncidents\":0}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("没有等待提交年度自查报告的年检：" + CODE + "-2026"));
  }

  @Test
  void special_createdWithItsKey() throws Exception {
    mvc.perform(post("/api/inspections/special").contentType(MediaType.APPLICATION_JSON)
            .content("{\"creditCode\":\"" + CODE + "\",\"reason\":\"群众举报\"}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/inspections/" + CODE + "-2026-S1"))
        .andExpect(jsonPath("$.inspectionKey").value(CODE + "-2026-S1"));
  }

  @Test
  void special_badInputIs400_notFiledIs409() throws Exception {
    mvc.perform(post("/api/inspections/special").contentType(MediaType.APPLICATION_JSON)
            .content("{\"creditCode\":\"52610602MJ0000001A\",\"reason\":\"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'creditCode')].message").value(
            org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("统一社会信用代码无效"))))
        .andExpect(jsonPath("$.errors[?(@.field == 'reason')].message").value("检查原因不能为空"));
    assertThat(calls).isEmpty();
    failure = new ConflictException("只有已备案的机构可以进行专项检查");
    mvc.perform(post("/api/inspections/special").contentType(MediaType.APPLICATION_JSON)
            .content("{\"creditCode\":\"" + CODE + "\",\"reason\":\"举报\"}"))
        .andExpect(status().isConflict());
  }
}
