package io.habeas.gateway.api;

/** A backend whose part of an answer is missing, and why: unavailable, timeout or circuit_open. */
public record MissingSource(String service, String reason) {
}
