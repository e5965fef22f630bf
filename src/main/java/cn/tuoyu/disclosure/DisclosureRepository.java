package cn.tuoyu.disclosure;

import cn.tuoyu.institution.InspectionResult;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public read model of the registry. Its own SQL selects only the public columns, so a column
 * added to {@code institution} later stays private until it is added here on purpose.
 */
@Repository
public class DisclosureRepository {

  /** Dates are published as the calendar day in China, whatever the server's zone. */
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private static final String SELECT = "select i.credit_code, i.name, i.county_code, c.name as county_name, "
      + "i.nature, i.inclusive, i.status, i.filing_overdue, i.filed_at, i.filing_receipt_no, i.address, "
      + "i.capacity_infant + i.capacity_toddler_small + i.capacity_toddler_large as total_capacity, "
      + "r.inspection_year as review_year, r.result as review_result, "
      + "cc.announcement_date, cc.announcement_text "
      + "from institution i join county c on c.code = i.county_code "
      // the latest annual review with a result (年审结果, after any rectification)
      + "left join (select credit_code, inspection_year, result, row_number() over "
      + "(partition by credit_code order by inspection_year desc) as rn from inspection "
      + "where kind = 'ANNUAL' and result is not null) r on r.credit_code = i.credit_code and r.rn = 1 "
      // 向社会公告: the closure announcement, once published
      + "left join closure_case cc on cc.credit_code = i.credit_code and cc.announcement_date is not null";

  private final JdbcClient jdbc;

  public DisclosureRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Institutions, most recently approved first.
   *
   * @param nameContains part of the name, any case; {@code null} for all
   * @param countyCode division code; {@code null} for all counties
   * @param page 1-based
   */
  public PublicPage<PublicInstitution> search(String nameContains, String countyCode, int page, int size) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (nameContains != null) {
      where.append(" and lower(i.name) like lower(:name) escape '\\'");
      params.put("name", "%" + escapeLike(nameContains) + "%");
    }
    if (countyCode != null) {
      where.append(" and i.county_code = :county");
      params.put("county", countyCode);
    }
    long total = jdbc.sql("select count(*) from institution i" + where).params(params).query(Long.class).single();
    long offset = (long) (page - 1) * size;
    List<PublicInstitution> items = offset >= total ? List.of()
        : jdbc.sql(SELECT + where + " order by i.approved_at desc, i.credit_code"
                + " offset :offset rows fetch next :size rows only")
            .params(params)
            .param("offset", offset)
            .param("size", size)
            .query((rs, n) -> institution(rs))
            .list();
    return new PublicPage<>(items, total, page, size);
  }

  public List<PublicCounty> counties() {
    return jdbc.sql("select code, name from county order by sort_order").query(PublicCounty.class).list();
  }

  private static PublicInstitution institution(ResultSet rs) throws SQLException {
    InstitutionNature nature = InstitutionNature.valueOf(rs.getString("nature"));
    InstitutionStatus status = InstitutionStatus.valueOf(rs.getString("status"));
    OffsetDateTime filed = rs.getObject("filed_at", OffsetDateTime.class);
    PublicFilingStatus filing = PublicFilingStatus.of(status, rs.getBoolean("filing_overdue"), filed != null);
    LocalDate filedAt = filed == null ? null : filed.atZoneSameInstant(CHINA).toLocalDate();
    Integer reviewYear = rs.getObject("review_year", Integer.class);
    String reviewResult = rs.getString("review_result");
    InspectionResult review = reviewResult == null ? null : InspectionResult.valueOf(reviewResult);
    return new PublicInstitution(
        rs.getString("credit_code"),
        rs.getString("name"),
        rs.getString("county_code"),
        rs.getString("county_name"),
        nature,
        nature.label(),
        rs.getBoolean("inclusive"),
        status,
        status.label(),
        filing,
        filing.label(),
        filedAt,
        rs.getString("filing_receipt_no"),
        rs.getInt("total_capacity"),
        rs.getString("address"),
        reviewYear,
        review,
        review == null ? null : review.label(),
        rs.getObject("announcement_date", LocalDate.class),
        rs.getString("announcement_text"));
  }

  /** The user's text is matched literally: % and _ are not wildcards here. */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
