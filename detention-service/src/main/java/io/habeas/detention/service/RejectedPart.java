package io.habeas.detention.service;

/**
 * A part of an import record that its single write would refuse: the whole record is rejected.
 * The path says where the part is in the record ("detentions[0].custody_events[1]", or empty for
 * the person); the cause is the refusal as the single write answers it.
 */
public class RejectedPart extends RuntimeException {
    private final String path;

    RejectedPart(String path, RuntimeException cause) {
        super(cause.getMessage(), cause, false, false);
        this.path = path;
    }

    public String path() {
        return path;
    }

    public RuntimeException refusal() {
        return (RuntimeException) getCause();
    }
}
