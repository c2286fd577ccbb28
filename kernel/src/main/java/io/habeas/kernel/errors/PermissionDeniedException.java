package io.habeas.kernel.errors;

/**
 * The caller is known but its role does not allow this request: PERMISSION_DENIED (403). The
 * reason is stable, such as ADMIN_ROLE_REQUIRED; the description says what was refused.
 */
public class PermissionDeniedException extends RuntimeException {
    private final String reason;

    public PermissionDeniedException(String reason, String description) {
        super(description);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
