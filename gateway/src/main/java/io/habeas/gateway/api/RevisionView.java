package io.habeas.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One change of a record and the record as it left it. action is created, updated, reclassified,
 * status_changed, retracted or restored; accessLevel is the record's effective level as the change
 * left it; createTime is RFC 3339 in UTC. principal, who made the change, is shown to admins only
 * (staff identities are not for dashboards): other callers get no such field. record is the
 * record's snapshot (a person, detention, custody event, charge, statement or actor), with the
 * sources the caller may see.
 */
public record RevisionView(
        String revisionId,
        String createTime,
        @JsonInclude(JsonInclude.Include.NON_NULL) String principal,
        String action,
        String reason,
        String accessLevel,
        String restoredRevisionId,
        @Schema(description = "The record as the change left it", oneOf = {PersonSnapshot.class, DetentionSnapshot.class,
                CustodyEventSnapshot.class, ChargeSnapshot.class, StatementSnapshot.class, ActorSnapshot.class})
        Object record) {
}
