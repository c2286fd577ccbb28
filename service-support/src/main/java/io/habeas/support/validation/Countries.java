package io.habeas.support.validation;

import io.habeas.kernel.errors.InvalidArgumentException;


public final class Countries {
    private Countries() {
    }

    /** An optional country filter: empty means any, otherwise an ISO 3166-1 alpha-2 code. */
    public static void checkFilter(String code, String field) {
        if (code != null && !code.isEmpty() && !CountryCodeValidator.isCountry(code)) {
            throw InvalidArgumentException.of(field, "is not an ISO 3166-1 alpha-2 country code");
        }
    }
}
