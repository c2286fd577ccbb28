package io.habeas.support.paging;

import java.util.List;

/** One page of results and the token for the next, empty on the last page. */
public record Page<T>(List<T> items, String nextPageToken) {
}
