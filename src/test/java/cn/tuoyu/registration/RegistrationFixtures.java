package cn.tuoyu.registration;

import cn.tuoyu.institution.Certificate;
import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.institution.IdNumber;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.StaffRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid test data: credit codes and ID numbers with correct check characters, requests ready to send. */
public final class RegistrationFixtures {

  private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

  private RegistrationFixtures() {}

  /** A fresh valid credit code of a private non-enterprise unit (52…) in the given county. */
  public static String creditCode(String county) {
    String first17 = "52" + county + String.format("MJ%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    return first17 + CreditCode.checkCharacter(first17);
  }

  /** A valid ID number born on the given day. */
  public static String idNumber(String county, LocalDate born, int serial) {
    String first17 = county + born.toString().replace("-", "") + String.format("%03d", serial % 1000);
    return first17 + IdNumber.checkCharacter(first17);
  }

  public static RegistrationRequest registration(String creditCode, String county, InstitutionNature nature,
      String supervisoryDepartment, LocalDate approvedAt) {
    return new RegistrationRequest(creditCode, "阳光宝贝托育中心" + creditCode.substring(12), nature, true, county,
        "延安市宝塔区枣园路 18 号", "王建华", 10, 20, 30, new BigDecimal("1800"), supervisoryDepartment, approvedAt);
  }

  /** A filing with {@code certified} of {@code total} staff holding a certificate. */
  public static FilingRequest filing(String creditCode, int total, int certified, List<String> extraIds) {
    List<FilingRequest.Staff> staff = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      staff.add(new FilingRequest.Staff("保育员" + (i + 1), idNumber("610602", LocalDate.of(1990, 1, 1).plusDays(i), i),
          i == 0 ? StaffRole.PRINCIPAL : StaffRole.CAREGIVER,
          i < certified ? List.of(Certificate.CHILDCARE_WORKER) : List.of()));
    }
    for (String id : extraIds) {
      staff.add(new FilingRequest.Staff("李某", id, StaffRole.CAREGIVER, List.of(Certificate.INFANT_CARER)));
    }
    return new FilingRequest(creditCode, "52610602MJ0000001K", "自有房产，产权证号 延房权 2025-001",
        "消防验收合格，意见书 延消验字〔2025〕12号", "卫生评价合格，报告编号 WSPJ-2025-088",
        "保育费 1800 元/月，伙食费 300 元/月", staff);
  }
}
