package cn.tuoyu.disclosure;

import java.util.List;

/**
 * One page of a public list.
 *
 * @param page 1-based
 * @param total matches over all pages
 */
public record PublicPage<T>(List<T> items, long total, int page, int size) {}
