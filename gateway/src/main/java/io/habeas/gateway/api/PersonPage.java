package io.habeas.gateway.api;

import java.util.List;

/** A page of persons; nextCursor is null on the last page. */
public record PersonPage(List<PersonListItem> persons, String nextCursor) {
}
