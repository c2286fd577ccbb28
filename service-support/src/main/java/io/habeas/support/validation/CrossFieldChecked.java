package io.habeas.support.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Validates a {@link CrossFieldRules} type by its own rules. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CrossFieldValidator.class)
public @interface CrossFieldChecked {
    String message() default "breaks a rule between fields";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
