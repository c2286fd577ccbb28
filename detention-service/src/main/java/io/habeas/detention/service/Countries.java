package io.habeas.detention.service;

import io.habeas.detention.domain.validation.CountryCodeValidator;
import io.habeas.detention.support.InvalidArgumentException;

final class Countries {
    private Countries() {
    }

    /** An optional country filter: empty means any, otherwise an ISO 3166-1 alpha-2 code. */
    static void checkFilter(String code, String field) {
        if (code != null && !code.isEmpty() && !CountryCodeValidator.isCountry(code)) {
            throw InvalidArgumentException.of(field, "is not an ISO 3166-1 alpha-2 country code");
        }
    }
}
