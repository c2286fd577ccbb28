package io.habeas.gateway.api;

import java.util.List;

/**
 * A detaining country's dashboard figures. heldNow, monthly and topArticles come from
 * detention-service; releaseCallsBySpeakerCountry and personsWithOutstandingCalls from
 * statement-service over the persons the country detains (at most a configured number; truncated
 * says when there were more).
 */
public record CountrySummary(
        String country,
        Integer heldNow,
        List<Month> monthly,
        List<Article> topArticles,
        List<SpeakerCalls> releaseCallsBySpeakerCountry,
        List<OutstandingCall> personsWithOutstandingCalls,
        boolean truncated,
        boolean partial,
        List<MissingSource> missing) {

    /** month is "2023-07", or "2023" for dates known only to the year. */
    public record Month(String month, String label, int newDetentions, int releases) {
    }

    public record Article(String jurisdiction, String legalCode, String article, int chargeCount, int personCount) {
    }

    /** country is empty for speakers without one (international bodies). */
    public record SpeakerCalls(String country, int calls) {
    }

    public record OutstandingCall(String id, String displayName, String currentStatus, int callCount,
            DateView latestCall) {
    }
}
