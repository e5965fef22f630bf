package cn.tuoyu.identity;

import java.util.Set;

/** The set of valid county codes, asked on every process start; kept behind an interface so engine tests need no database. */
@FunctionalInterface
public interface CountyDirectory {

  boolean isKnown(String code);

  static CountyDirectory of(Set<String> codes) {
    return codes::contains;
  }
}
