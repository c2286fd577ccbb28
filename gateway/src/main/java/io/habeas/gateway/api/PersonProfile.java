package io.habeas.gateway.api;

import java.util.List;

/**
 * A person with derived facts. currentStatus is that of the latest ongoing detention (else of the
 * latest detention; null when none is recorded); held is true while an ongoing detention keeps the
 * person in custody (police, pre-trial, house arrest, sentence, whereabouts unknown);
 * callOutstanding is true when a release has been called for and the person is still held.
 * releaseCalls and callOutstanding are null when statement-service could not answer (partial).
 * externalIds are the person's identifiers in other databases (a Wikidata item, a partner's case
 * number), by which the persons list finds it (externalId=wikidata:Q5453614).
 */
public record PersonProfile(
        String id,
        String displayName,
        List<Alias> aliases,
        List<String> citizenships,
        String description,
        List<ExternalIdView> externalIds,
        String currentStatus,
        boolean held,
        int daysInCustody,
        List<DetentionView> detentions,
        List<ChargeView> charges,
        ReleaseCalls releaseCalls,
        Boolean callOutstanding,
        List<SourceView> sources,
        boolean partial,
        List<MissingSource> missing) {

    public record Alias(String name, String languageCode) {
    }
}
