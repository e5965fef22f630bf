package cn.tuoyu.institution;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 不良记录黑名单. Managing it (adding, lifting) comes with its own issue; filing checks read it. */
@Repository
public class BlacklistRepository {

  /** An entry that is in force. */
  public record Entry(String name, String reason, boolean lifetimeBan) {}

  private final JdbcClient jdbc;

  public BlacklistRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The entry in force for an ID number on the given day: lifetime, open-ended or not yet expired. */
  public Optional<Entry> inForce(String idNumber, LocalDate on) {
    return jdbc.sql("select name, reason, lifetime_ban from staff_blacklist where id_number = ? "
            + "and (lifetime_ban or expires_on is null or expires_on >= ?) order by lifetime_ban desc, listed_at desc")
        .params(idNumber, on)
        .query(Entry.class)
        .list().stream().findFirst();
  }

  public void add(String idNumber, String name, String reason, boolean lifetimeBan, LocalDate expiresOn) {
    jdbc.sql("insert into staff_blacklist (id_number, name, reason, lifetime_ban, listed_at, expires_on) values (?, ?, ?, ?, ?, ?)")
        .params(idNumber, name, reason, lifetimeBan, OffsetDateTime.now(), lifetimeBan ? null : expiresOn)
        .update();
  }

  /**
   * Lists a person once per source (e.g. the closure case {@code <credit code>-closure} that barred
   * them): a job that runs again after a crash finds the entry and writes nothing.
   *
   * @return true when the entry was written now
   */
  public boolean addOnce(String idNumber, String name, String reason, boolean lifetimeBan, String sourceKey) {
    int existing = jdbc.sql("select count(*) from staff_blacklist where id_number = ? and source_key = ?")
        .params(idNumber, sourceKey).query(Integer.class).single();
    if (existing > 0) {
      return false;
    }
    jdbc.sql("insert into staff_blacklist (id_number, name, reason, lifetime_ban, listed_at, expires_on, source_key) "
            + "values (?, ?, ?, ?, ?, null, ?)")
        .params(idNumber, name, reason, lifetimeBan, OffsetDateTime.now(), sourceKey)
        .update();
    return true;
  }
}
