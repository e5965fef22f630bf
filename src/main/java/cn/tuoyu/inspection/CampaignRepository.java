package cn.tuoyu.inspection;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The campaign rows and the questions a campaign asks the registry: which filed institutions of a
 * scope have no annual inspection of the year yet, and how many do.
 */
@Repository
public class CampaignRepository {

  /** A filed institution whose inspection of the year is still to be opened. */
  public record Candidate(String creditCode, String county) {}

  /** A campaign row. */
  public record Campaign(int year, String county, String startedBy, OffsetDateTime startedAt,
      OffsetDateTime finishedAt) {}

  /** Filed institutions of the scope ({@code :county} is a county or the city code, meaning all). */
  private static final String IN_SCOPE = " from institution i where i.status = 'FILED'"
      + " and (:county = '" + InspectionCampaignProcess.CITY + "' or i.county_code = :county)";
  private static final String OPENED = " exists (select 1 from inspection x where x.credit_code = i.credit_code"
      + " and x.inspection_year = :year and x.kind = 'ANNUAL')";

  private final JdbcClient jdbc;

  public CampaignRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Registers the campaign unless it exists (a re-run keeps the first start's data); true if inserted. */
  public boolean insertIfMissing(int year, String county, String by) {
    return jdbc.sql("insert into inspection_campaign (inspection_year, county_code, started_by, started_at) "
            + "select :year, :county, :by, :now where not exists "
            + "(select 1 from inspection_campaign where inspection_year = :year and county_code = :county)")
        .param("year", year).param("county", county).param("by", by).param("now", OffsetDateTime.now())
        .update() == 1;
  }

  /**
   * Locks the campaign row until the transaction ends: two runs of the same campaign (a retried job,
   * a second node, a second click) take turns, so the second sees what the first opened.
   */
  public void lock(int year, String county) {
    jdbc.sql("select county_code from inspection_campaign where inspection_year = ? and county_code = ? for update")
        .params(year, county)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new IllegalStateException(year + " 年 " + county + " 的年检批次未登记"));
  }

  /** The next filed institutions without an annual inspection of the year, in credit-code order. */
  public List<Candidate> nextUnopened(int year, String county, int limit) {
    return jdbc.sql("select i.credit_code, i.county_code" + IN_SCOPE + " and not" + OPENED
            + " order by i.credit_code fetch first :limit rows only")
        .param("year", year).param("county", county).param("limit", limit)
        .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2)))
        .list();
  }

  public int countFiled(String county) {
    return jdbc.sql("select count(*)" + IN_SCOPE).param("county", county).query(Integer.class).single();
  }

  public int countOpened(int year, String county) {
    return jdbc.sql("select count(*)" + IN_SCOPE + " and" + OPENED)
        .param("county", county).param("year", year).query(Integer.class).single();
  }

  public void markFinished(int year, String county) {
    jdbc.sql("update inspection_campaign set finished_at = ? where inspection_year = ? and county_code = ?")
        .params(OffsetDateTime.now(), year, county)
        .update();
  }

  public Optional<Campaign> find(int year, String county) {
    return jdbc.sql("select inspection_year, county_code, started_by, started_at, finished_at "
            + "from inspection_campaign where inspection_year = ? and county_code = ?")
        .params(year, county)
        .query((rs, n) -> new Campaign(rs.getInt(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
        .optional();
  }
}
