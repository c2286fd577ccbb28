package io.habeas.support.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A record's external identifiers as the kernel's rules allow them (ExternalIds), each problem on its own path. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ExternalIdsValidator.class)
public @interface ValidExternalIds {
    String message() default "are not valid external identifiers";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
