package io.habeas.gateway.rest;

import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.Ids;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.time.PartialDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Request parameters, read as text and checked here so that every bad one is a 400 naming it. */
public final class Params {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private Params() {
    }

    public static int pageSize(String text, int defaultSize, int max) {
        if (text == null || text.isBlank()) {
            return defaultSize;
        }
        int size;
        try {
            size = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw InvalidArgumentException.of("pageSize", "must be a whole number from 1 to " + max);
        }
        if (size < 1 || size > max) {
            throw InvalidArgumentException.of("pageSize", "must be from 1 to " + max);
        }
        return size;
    }

    /** The person a path's personId names: a UUID in its canonical form (any case), else a 400 naming personId. */
    public static PersonName person(String personId) {
        return PersonName.of(Ids.parse(personId).orElseThrow(() ->
                InvalidArgumentException.of("personId", "must be a person's id: the UUID in " + PersonName.FORM)));
    }

    /** An ISO 3166-1 alpha-2 code, any case: 400 when malformed, 404 when no such country. */
    public static String countryPath(String code) {
        String upper = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z]{2}")) {
            throw InvalidArgumentException.of("countryCode", "must be an ISO 3166-1 alpha-2 code such as AZ");
        }
        if (!ISO_COUNTRIES.contains(upper)) {
            throw new NotFoundException("country " + upper);
        }
        return upper;
    }

    /** A country as a filter: 400 naming the parameter when it is not a known code. */
    public static String countryFilter(String name, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z]{2}") || !ISO_COUNTRIES.contains(upper)) {
            throw InvalidArgumentException.of(name, "must be an ISO 3166-1 alpha-2 country code such as AZ");
        }
        return upper;
    }

    public static PartialDate date(String name, String text) {
        return text == null || text.isBlank() ? null : PartialDate.parse(text, name);
    }

    /** from and to: each a partial date, from not after to (each covers its whole period). */
    public static void checkRange(PartialDate from, PartialDate to) {
        if (from != null && to != null && from.earliest().isAfter(to.latest())) {
            throw new InvalidArgumentException(List.of(new FieldViolation("from", "must not be after to"),
                    new FieldViolation("to", "must not be before from")));
        }
    }

    /** A comma-separated and/or repeated list of values from a closed set; all of them when absent. */
    public static Set<String> oneOf(String name, List<String> values, List<String> allowed) {
        Set<String> out = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    String p = part.trim().toLowerCase(Locale.ROOT);
                    if (p.isEmpty()) {
                        continue;
                    }
                    if (allowed.contains(p)) {
                        out.add(p);
                    } else {
                        bad.add(p);
                    }
                }
            }
        }
        if (!bad.isEmpty()) {
            throw InvalidArgumentException.of(name, "unknown value(s) " + bad + "; allowed: " + String.join(", ", allowed));
        }
        return out.isEmpty() ? new LinkedHashSet<>(allowed) : out;
    }
}
