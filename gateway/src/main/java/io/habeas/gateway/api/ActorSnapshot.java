package io.habeas.gateway.api;

import java.util.List;

/** An actor as a revision left it; kind as official, government_body, ...; personId for a detained person or lawyer. */
public record ActorSnapshot(String id, String displayName, String kind, String office, String organization, String country,
        String personId, List<ExternalIdView> externalIds, String accessLevel, List<SourceView> sources, String createTime, String updateTime) {
}
