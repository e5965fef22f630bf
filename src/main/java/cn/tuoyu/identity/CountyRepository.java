package cn.tuoyu.identity;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counties come from a Flyway migration and never change while the application runs. */
@Repository
public class CountyRepository implements CountyDirectory {

  private final JdbcClient jdbc;
  private volatile Map<String, County> byCode;

  public CountyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<County> findAll() {
    return jdbc.sql("select code, name, city_level from county order by sort_order")
        .query(County.class)
        .list();
  }

  /** From memory after the first call: every inspection the campaign opens names its county. */
  public Optional<County> findByCode(String code) {
    return Optional.ofNullable(byCode().get(code));
  }

  @Override
  public boolean isKnown(String code) {
    return byCode().containsKey(code);
  }

  private Map<String, County> byCode() {
    Map<String, County> known = byCode;
    if (known == null) {
      known = findAll().stream().collect(Collectors.toUnmodifiableMap(County::code, c -> c));
      byCode = known;
    }
    return known;
  }
}
