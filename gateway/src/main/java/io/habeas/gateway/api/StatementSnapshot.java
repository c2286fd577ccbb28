package io.habeas.gateway.api;

import java.util.List;

/**
 * A statement as a revision left it, with its claims and the claims a correction dropped. A claim's
 * subjectPersonIds leave out persons that may not be shown (retracted, or not confirmed by
 * detention-service); answers is the resource name of the claim it answers.
 */
public record StatementSnapshot(String id, String actorId, String actorOffice, String actorCountry, DateView madeOn,
        String medium, String title, String summary, String quotedText, List<ClaimSnapshot> claims,
        List<ClaimSnapshot> retractedClaims, String accessLevel, List<SourceView> sources, String state,
        String retractionReason, String createTime, String updateTime) {

    public record ClaimSnapshot(String id, String kind, String cameoCode, List<String> subjectPersonIds,
            List<String> subjectCountries, String addresseeCountry, String text, String answers) {
    }
}
