package io.habeas.gateway.api;

/**
 * A backend whose part of an answer is missing, and why: unavailable, timeout, circuit_open,
 * bad_answer, too_many_detainees (a country detains more persons than one claims list follows), or
 * person_unverified (withheld because detention-service could not say whether the person may be shown).
 */
public record MissingSource(String service, String reason) {
}
