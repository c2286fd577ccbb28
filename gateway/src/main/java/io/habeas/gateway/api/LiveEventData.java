package io.habeas.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The data of a live timeline's change event. added / corrected: the event as the paged timeline shows it and
 * its sortKey; retracted: the id of the event to remove.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveEventData(String change, String id, String sortKey, TimelineEvent event) {
}
