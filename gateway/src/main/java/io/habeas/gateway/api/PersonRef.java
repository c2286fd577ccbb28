package io.habeas.gateway.api;

/** A person an event is about: id as in /api/v1/persons/{id}; name only when the gateway knows it. */
public record PersonRef(String id, String name) {
}
