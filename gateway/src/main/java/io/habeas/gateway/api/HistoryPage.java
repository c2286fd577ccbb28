package io.habeas.gateway.api;

import java.util.List;

/** A page of a record's revisions, newest first; nextCursor is null on the last page. */
public record HistoryPage(List<RevisionView> revisions, String nextCursor) {
}
