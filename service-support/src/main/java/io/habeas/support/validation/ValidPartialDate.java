package io.habeas.support.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A partial date that exists on the calendar, is not after today, and is not before 1900. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PartialDateValidator.class)
public @interface ValidPartialDate {
    String message() default "is not a valid date";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
