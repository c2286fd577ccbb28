package io.habeas.gateway.api;

import java.util.List;

/**
 * One dated fact on a timeline. kind is one of detention, custody, charge, charge_status, court,
 * incident, statement, claim; type refines it (arrest, house_arrest, verdict, travel_ban,
 * call_for_release, ...); origin names the service.
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
        String record) {
}
