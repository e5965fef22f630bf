package cn.tuoyu.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counties come from a Flyway migration and never change while the application runs. */
@Repository
public class CountyRepository implements CountyDirectory {

  private final JdbcClient jdbc;
  private volatile Set<String> codes;

  public CountyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<County> findAll() {
    return jdbc.sql("select code, name, city_level from county order by sort_order")
        .query(County.class)
        .list();
  }

  public Optional<County> findByCode(String code) {
    return jdbc.sql("select code, name, city_level from county where code = ?")
        .param(code)
        .query(County.class)
        .optional();
  }

  @Override
  public boolean isKnown(String code) {
    Set<String> known = codes;
    if (known == null) {
      known = findAll().stream().map(County::code).collect(Collectors.toUnmodifiableSet());
      codes = known;
    }
    return known.contains(code);
  }
}
