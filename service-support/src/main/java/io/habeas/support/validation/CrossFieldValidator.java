package io.habeas.support.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Map;

public class CrossFieldValidator implements ConstraintValidator<CrossFieldChecked, CrossFieldRules> {

    @Override
    public boolean isValid(CrossFieldRules value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Map<String, String> broken = value.brokenRules();
        if (broken.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        broken.forEach((property, message) -> context.buildConstraintViolationWithTemplate(message)
                .addPropertyNode(property).addConstraintViolation());
        return false;
    }
}
