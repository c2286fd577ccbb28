package io.habeas.gateway.api;

import java.util.List;

/** A person as a revision left it. state is active or retracted. */
public record PersonSnapshot(String id, String displayName, List<PersonProfile.Alias> aliases, List<String> citizenships,
        String description, List<ExternalIdView> externalIds, String accessLevel, List<SourceView> sources, String state, String retractionReason,
        String createTime, String updateTime) {
}
