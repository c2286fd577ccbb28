package io.habeas.gateway.api;

import java.util.List;

/**
 * One dated fact on a timeline. kind is one of detention, custody, charge, charge_status, court,
 * incident, statement, claim; type refines it (arrest, house_arrest, verdict, travel_ban,
 * call_for_release, ...); origin names the service. sortKey places it in the timeline's order, the same
 * on a page and in a live stream (gateway/README.md, "Timelines"): null until the merge sets it.
 */
public record TimelineEvent(
        String id,
        DateView date,
        String kind,
        String type,
        String title,
        String detail,
        List<PersonRef> persons,
        List<CountryRef> countries,
        List<SourceView> sources,
        String origin,
        String record,
        String sortKey) {

    public TimelineEvent withSortKey(String key) {
        return new TimelineEvent(id, date, kind, type, title, detail, persons, countries, sources, origin, record, key);
    }
}
