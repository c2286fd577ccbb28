package io.habeas.support.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import java.util.Set;

/** Checks codes against the ISO 3166-1 list that ships with the JDK. */
public class CountryCodeValidator implements ConstraintValidator<CountryCode, String> {
    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public static boolean isCountry(String code) {
        return CODES.contains(code);
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || CODES.contains(value);
    }
}
