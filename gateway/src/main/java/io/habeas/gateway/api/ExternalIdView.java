package io.habeas.gateway.api;

import java.util.List;

/** A record's identifier in another database: who issues it (wikidata, viasna, ...) and its value there. */
public record ExternalIdView(String scheme, String value) {

    public static List<ExternalIdView> of(List<io.habeas.common.v1.ExternalId> ids) {
        return ids.stream().map(id -> new ExternalIdView(id.getScheme(), id.getValue())).toList();
    }
}
