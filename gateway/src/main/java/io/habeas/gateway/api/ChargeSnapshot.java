package io.habeas.gateway.api;

import java.util.List;

/** A charge as a revision left it, with its status changes, oldest first. */
public record ChargeSnapshot(String id, String detentionId, String jurisdiction, String legalCode, String articleReference,
        ChargeView.ArticleView article, String offence, DateView filedOn, String status, List<StatusChange> statusHistory,
        String accessLevel, List<SourceView> sources, String state, String retractionReason, String createTime,
        String updateTime) {

    /** A dated change of the charge's status; sentence only with convicted. */
    public record StatusChange(String status, DateView effectiveOn, Sentence sentence, String note, List<SourceView> sources) {
    }

    public record Sentence(int years, int months, int days, boolean suspended) {
    }
}
