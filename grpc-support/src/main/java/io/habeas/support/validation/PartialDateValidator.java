package io.habeas.support.validation;

import io.habeas.support.records.PartialDate;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;

public class PartialDateValidator implements ConstraintValidator<ValidPartialDate, PartialDate> {
    static final int FIRST_YEAR = 1900;
    /** The first time zone to reach a date: a date that is today anywhere is not in the future. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    @Override
    public boolean isValid(PartialDate date, ConstraintValidatorContext context) {
        if (date == null) {
            return true;
        }
        String problem = problem(date);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    private static String problem(PartialDate date) {
        if (date.year() == null || date.year() < FIRST_YEAR) {
            return "year must be " + FIRST_YEAR + " or later";
        }
        if (date.day() != null && date.month() == null) {
            return "a day needs a month";
        }
        if (date.month() != null && (date.month() < 1 || date.month() > 12)) {
            return "month must be 1 to 12, or 0 when unknown";
        }
        LocalDate earliest;
        try {
            earliest = date.earliest();
        } catch (DateTimeException e) {
            return date + " does not exist";
        }
        if (earliest.isAfter(LocalDate.now(EARLIEST_ZONE))) {
            return date + " is in the future";
        }
        return null;
    }
}
