package io.habeas.support.validation;

import io.habeas.kernel.text.HumanText;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Text a person may have written ({@link HumanText}): one line unless the field says PARAGRAPH. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HumanWrittenValidator.class)
public @interface HumanWritten {
    HumanText.Shape value() default HumanText.Shape.LINE;

    String message() default "is not text a person wrote";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
