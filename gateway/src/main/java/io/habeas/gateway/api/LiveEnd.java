package io.habeas.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The data of a live timeline's last event: why it ended, the service that ended it (when one did), and
 * whether reconnecting with the event's id resumes it (otherwise reload the paged timeline, then watch anew).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveEnd(String reason, String service, boolean resumable) {
}
