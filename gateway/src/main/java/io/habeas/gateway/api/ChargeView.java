package io.habeas.gateway.api;

/**
 * A charge with its article as cited ("204.3.1") and its structure (article 204, part 3, clause 1),
 * read from the reference by the jurisdiction's numbering (structureSource "parsed") or sent with it
 * ("sent").
 */
public record ChargeView(String id, String jurisdiction, String legalCode, String articleReference, ArticleView article,
        String offence, DateView filedOn, String status) {

    public record ArticleView(String article, String part, String clause, String subclause, String structureSource) {
    }
}
