package io.habeas.support.validation;

import io.habeas.kernel.time.PartialDate;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Declares the kernel's rule ({@link PartialDate#problem()}) as a constraint. */
public class PartialDateValidator implements ConstraintValidator<ValidPartialDate, PartialDate> {

    @Override
    public boolean isValid(PartialDate date, ConstraintValidatorContext context) {
        if (date == null) {
            return true;
        }
        return date.problem().map(problem -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }).orElse(true);
    }
}
