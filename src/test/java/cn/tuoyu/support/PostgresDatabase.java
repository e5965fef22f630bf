package cn.tuoyu.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL (binaries from Maven Central) per test JVM, shared by every integration
 * test; each caller gets its own database so contexts never see each other's data.
 */
public final class PostgresDatabase {

  private static EmbeddedPostgres server;

  private PostgresDatabase() {}

  /** Creates a fresh database and returns its JDBC URL (user and password: postgres). */
  public static synchronized String newDatabase(String name) {
    try {
      if (server == null) {
        // The server stops itself at JVM exit (the library's own shutdown hook).
        server = EmbeddedPostgres.builder().start();
      }
      try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("drop database if exists " + name);
        s.execute("create database " + name);
      }
      return server.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
