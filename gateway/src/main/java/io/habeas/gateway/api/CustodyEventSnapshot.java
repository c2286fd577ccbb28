package io.habeas.gateway.api;

import java.util.List;

/** A custody event as a revision left it; type and resultingStatus as on timelines (house_arrest, ...). */
public record CustodyEventSnapshot(String id, String detentionId, String type, DateView occurredOn, DateView until,
        String place, String description, String resultingStatus, String accessLevel, List<SourceView> sources,
        String state, String retractionReason, String createTime, String updateTime) {
}
