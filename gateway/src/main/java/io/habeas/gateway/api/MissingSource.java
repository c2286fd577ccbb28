package io.habeas.gateway.api;

/**
 * A backend whose part of an answer is missing, and why: unavailable, timeout, circuit_open, or
 * too_many_detainees (a country detains more persons than one claims list follows).
 */
public record MissingSource(String service, String reason) {
}
