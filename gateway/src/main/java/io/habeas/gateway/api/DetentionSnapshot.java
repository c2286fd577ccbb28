package io.habeas.gateway.api;

import java.util.List;

/**
 * A detention as a revision left it. Its current status, end and days in custody are not part of
 * it: they follow from its custody events, which have revisions of their own.
 */
public record DetentionSnapshot(String id, String personId, String detainingCountry, String authority, String place,
        DateView start, String initialStatus, String accessLevel, List<SourceView> sources, String state,
        String retractionReason, String createTime, String updateTime) {
}
