package io.habeas.kernel.errors;

import java.util.List;

/** The request itself is wrong, whatever the state: INVALID_ARGUMENT. */
public class InvalidArgumentException extends RuntimeException {
    private final List<FieldViolation> violations;

    public InvalidArgumentException(List<FieldViolation> violations) {
        super(violations.size() + " invalid field(s): " + violations.get(0).field() + ": " + violations.get(0).description());
        this.violations = List.copyOf(violations);
    }

    public static InvalidArgumentException of(String field, String description) {
        return new InvalidArgumentException(List.of(new FieldViolation(field, description)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
