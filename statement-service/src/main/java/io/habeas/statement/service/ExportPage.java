package io.habeas.statement.service;

import java.util.List;
import java.util.UUID;

/**
 * One page of an export's scan: the records the caller may see among the page's rows (possibly
 * none), and the id to scan on from, null after the last page.
 */
public record ExportPage<T>(List<T> records, UUID next) {
}
