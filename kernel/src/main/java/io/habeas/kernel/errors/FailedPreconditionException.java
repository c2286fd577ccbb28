package io.habeas.kernel.errors;

/**
 * The request is well formed but the recorded state forbids it: FAILED_PRECONDITION.
 * The type is a stable reason a client can switch on, such as EVENT_AFTER_FINAL_RELEASE.
 */
public class FailedPreconditionException extends RuntimeException {
    private final String type;
    private final String subject;

    public FailedPreconditionException(String type, String subject, String description) {
        super(description);
        this.type = type;
        this.subject = subject;
    }

    public String type() {
        return type;
    }

    public String subject() {
        return subject;
    }
}
