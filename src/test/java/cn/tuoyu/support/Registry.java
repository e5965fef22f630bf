package cn.tuoyu.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** An in-memory H2 registry migrated with the application's Flyway scripts, for tests without Spring. */
public final class Registry {

  private Registry() {}

  /** The H2 database {@code jdbc:h2:mem:<name>}, kept while the JVM runs and migrated to the latest version. */
  public static DataSource migrated(String name) {
    DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return dataSource;
  }
}
