package cn.tuoyu.inspection;

import cn.tuoyu.institution.InspectionHistory;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
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

  /**
   * A slice of a campaign's scope: the credit codes from {@code firstCode} (inclusive, null: from the
   * first) up to {@code endCode} (exclusive, null: to the last).
   */
  public record Slice(int number, String firstCode, String endCode) {}

  /** A campaign row. */
  public record Campaign(int year, String county, String startedBy, OffsetDateTime startedAt,
      OffsetDateTime finishedAt) {}

  /** Filed institutions of the scope ({@code :county} is a county or the city code, meaning all). */
  private static final String IN_SCOPE = " from institution i where i.status = 'FILED'"
      + " and (:county = '" + InspectionCampaignProcess.CITY + "' or i.county_code = :county)";
  private static final String OPENED = " exists (select 1 from inspection x where x.credit_code = i.credit_code"
      + " and x.inspection_year = :year and x.kind = 'ANNUAL')";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public CampaignRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
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
   * Locks the campaign row until the transaction ends: registrations of the same campaign (a second
   * click, a second node) take turns, so only the first one cuts the scope into slices.
   */
  public void lock(int year, String county) {
    jdbc.sql("select county_code from inspection_campaign where inspection_year = ? and county_code = ? for update")
        .params(year, county)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new IllegalStateException(year + " 年 " + county + " 的年检批次未登记"));
  }

  /** The campaign's slices in order; empty before its first registration. */
  public List<Slice> slices(int year, String county) {
    return jdbc.sql("select slice_no, first_code, end_code from inspection_campaign_slice "
            + "where inspection_year = ? and county_code = ? order by slice_no")
        .params(year, county)
        .query((rs, n) -> new Slice(rs.getInt(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /**
   * Cuts the scope into at most {@code count} slices of about the same number of filed institutions
   * (at least {@code minSize} each) and stores them. Slice 0 starts at the first possible code, the
   * last one ends after the last: together they cover every code, also those filed later.
   */
  public List<Slice> insertSlices(int year, String county, int count, int minSize) {
    int filed = countFiled(county);
    int n = Math.max(1, Math.min(count, filed / Math.max(1, minSize)));
    List<String> firstCodes = new ArrayList<>();
    firstCodes.add(null);
    for (int k = 1; k < n; k++) {
      firstCodes.add(jdbc.sql("select i.credit_code" + IN_SCOPE + " order by i.credit_code offset :skip rows "
              + "fetch first 1 rows only")
          .param("county", county).param("skip", (long) filed * k / n)
          .query(String.class).single());
    }
    List<Slice> slices = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Slice slice = new Slice(k, firstCodes.get(k), k + 1 < n ? firstCodes.get(k + 1) : null);
      jdbc.sql("insert into inspection_campaign_slice (inspection_year, county_code, slice_no, first_code, end_code) "
              + "values (?, ?, ?, ?, ?)")
          .params(year, county, k, slice.firstCode(), slice.endCode())
          .update();
      slices.add(slice);
    }
    return slices;
  }

  /**
   * Locks a slice's row until the transaction ends: two runs of the same slice (a retried job, a second
   * node, an inline runner) take turns, so the second sees what the first opened.
   */
  public Slice lockSlice(int year, String county, int number) {
    return jdbc.sql("select slice_no, first_code, end_code from inspection_campaign_slice "
            + "where inspection_year = ? and county_code = ? and slice_no = ? for update")
        .params(year, county, number)
        .query((rs, n) -> new Slice(rs.getInt(1), rs.getString(2), rs.getString(3)))
        .optional()
        .orElseThrow(() -> new IllegalStateException(year + " 年 " + county + " 的年检批次没有第 " + number + " 片"));
  }

  /**
   * The next filed institutions of the slice without an annual inspection of the year, in credit-code
   * order, after {@code after} (null: from the slice's start). Paging by the last code keeps each
   * chunk's query from walking again over the institutions opened before it.
   */
  public List<Candidate> nextUnopened(int year, String county, Slice slice, String after, int limit) {
    Map<String, Object> params = new HashMap<>(Map.of("year", year, "county", county, "limit", limit));
    String range = "";
    if (after != null) {
      range += " and i.credit_code > :after";
      params.put("after", after);
    } else if (slice.firstCode() != null) {
      range += " and i.credit_code >= :first";
      params.put("first", slice.firstCode());
    }
    if (slice.endCode() != null) {
      range += " and i.credit_code < :end";
      params.put("end", slice.endCode());
    }
    return jdbc.sql("select i.credit_code, i.county_code" + IN_SCOPE + range + " and not" + OPENED
            + " order by i.credit_code fetch first :limit rows only")
        .params(params)
        .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2)))
        .list();
  }

  /**
   * Inserts the annual inspection rows of a chunk in one JDBC batch; returns, in the chunk's order,
   * whether each was inserted (false: it exists already, e.g. opened by an overlapping city campaign).
   */
  public boolean[] openAnnual(List<Candidate> chunk, int year, String by) {
    OffsetDateTime now = OffsetDateTime.now();
    List<Object[]> rows = chunk.stream().map(c -> new Object[] {c.creditCode(), year,
        InspectionHistory.annualKey(c.creditCode(), year), by, now, InspectionHistory.annualKey(c.creditCode(), year)})
        .toList();
    int[] counts = batch.batchUpdate("insert into inspection (credit_code, inspection_year, kind, business_key, "
        + "created_by, created_at) select ?, ?, 'ANNUAL', ?, ?, ? where not exists "
        + "(select 1 from inspection where business_key = ?)", rows);
    boolean[] opened = new boolean[counts.length];
    for (int n = 0; n < counts.length; n++) {
      opened[n] = counts[n] != 0;
    }
    return opened;
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
