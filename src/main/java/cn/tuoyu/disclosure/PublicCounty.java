package cn.tuoyu.disclosure;

/** A county for the search form: division code and name. */
public record PublicCounty(String code, String name) {}
