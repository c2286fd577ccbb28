package io.habeas.kernel.errors;

/** One thing wrong with a request: the proto field path and what is wrong with it. */
public record FieldViolation(String field, String description) {
}
