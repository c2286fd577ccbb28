package io.habeas.gateway.api;

import java.util.List;

/** A person in a list or search result, with the status of the latest detention. */
public record PersonListItem(String id, String displayName, List<String> citizenships, String currentStatus,
        boolean held, List<String> detainingCountries, Float score) {
}
