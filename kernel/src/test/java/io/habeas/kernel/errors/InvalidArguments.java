package io.habeas.kernel.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Checks that a call fails with INVALID_ARGUMENT on exactly one field, for exactly one reason. */
public final class InvalidArguments {
    private InvalidArguments() {
    }

    public static void assertInvalid(String field, String description, Executable call) {
        InvalidArgumentException failure = assertThrows(InvalidArgumentException.class, call);
        assertEquals(List.of(new FieldViolation(field, description)), failure.violations());
    }
}
