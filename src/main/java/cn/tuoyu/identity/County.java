package cn.tuoyu.identity;

/**
 * A county or district (属地), or the city's own level. Its division code is also its Camunda tenant id.
 */
public record County(String code, String name, boolean cityLevel) {}
