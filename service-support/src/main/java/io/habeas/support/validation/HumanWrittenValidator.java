package io.habeas.support.validation;

import io.habeas.kernel.text.HumanText;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Declares the kernel's text rule ({@link HumanText#problem}) as a constraint. */
public class HumanWrittenValidator implements ConstraintValidator<HumanWritten, String> {
    private HumanText.Shape shape;

    @Override
    public void initialize(HumanWritten annotation) {
        shape = annotation.value();
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
        return HumanText.problem(text, shape).map(problem -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }).orElse(true);
    }
}
