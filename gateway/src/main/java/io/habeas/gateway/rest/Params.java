package io.habeas.gateway.rest;

import io.habeas.gateway.client.AsOf;
import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.names.Ids;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.text.HumanText;
import io.habeas.kernel.time.PartialDate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Request parameters, read as text and checked here so that every bad one is a 400 naming it. */
public final class Params {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    /** The query parameter of a read as of an instant. */
    public static final String AS_OF = "asOf";
    /** RFC 3339's date-time: seconds required, an offset required (Z or +hh:mm), ASCII digits only. */
    private static final Pattern RFC_3339 = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})");
    /** The first instant a protobuf Timestamp holds. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private Params() {
    }

    public static int pageSize(String text, int defaultSize, int max) {
        return whole("pageSize", text, defaultSize, max);
    }

    /** A whole number from 1 to max in ASCII digits (Integer.parseInt would take any script's digits), or the default. */
    public static int whole(String name, String text, int defaultValue, int max) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        String t = text.trim();
        int value = t.matches("[0-9]{1,9}") ? Integer.parseInt(t) : -1;
        if (value < 1 || value > max) {
            throw InvalidArgumentException.of(name, "must be a whole number from 1 to " + max);
        }
        return value;
    }

    /** The person a path's personId names: a UUID in its canonical form (any case), else a 400 naming personId. */
    public static PersonName person(String personId) {
        return PersonName.of(Ids.parse(personId).orElseThrow(() ->
                InvalidArgumentException.of("personId", "must be a person's id: the UUID in " + PersonName.FORM)));
    }

    /** A path's id of a record: a UUID in its canonical form (any case), else a 400 naming the path parameter. */
    public static UUID id(String name, String text, String what) {
        return Ids.parse(text).orElseThrow(() -> InvalidArgumentException.of(name, "must be " + what + "'s id: a UUID"));
    }

    /**
     * asOf: an RFC 3339 instant with its offset (2024-03-01T00:00:00Z, 2024-03-01T02:00:00+02:00), not
     * in the future; absent is now. The 400 says what an instant is, without quoting what was sent.
     */
    public static AsOf asOf(String text) {
        if (text == null || text.isBlank()) {
            return AsOf.NOW;
        }
        String t = text.trim();
        Instant instant = null;
        if (RFC_3339.matcher(t).matches()) {
            try {
                instant = OffsetDateTime.parse(t.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                instant = null;
            }
        }
        if (instant == null || instant.isBefore(EARLIEST)) {
            throw InvalidArgumentException.of(AS_OF, "must be an instant as RFC 3339 with its offset, such as "
                    + "2024-03-01T00:00:00Z (a date and time that exist, from year 1)");
        }
        if (instant.isAfter(Instant.now())) {
            throw InvalidArgumentException.of(AS_OF, "must not be in the future");
        }
        return new AsOf(instant);
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

    /**
     * An external identifier written scheme:value (wikidata:Q5453614), as the kernel's rules read it
     * (the scheme in any case); null when absent. The 400 names the parameter and says what is wrong.
     */
    public static ExternalId externalId(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw InvalidArgumentException.of(name, "must be scheme:value, such as wikidata:Q5453614");
        }
        ExternalId id = ExternalId.written(text.substring(0, colon).strip(), text.substring(colon + 1));
        List<FieldViolation> problems = id.problems().entrySet().stream()
                .map(p -> new FieldViolation(name, "its " + p.getKey() + " " + p.getValue())).toList();
        if (!problems.isEmpty()) {
            throw new InvalidArgumentException(problems);
        }
        return id;
    }

    /** Free text a person typed, such as a search: NFC, the kernel's rule for one line, at most max characters. */
    public static String text(String name, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = HumanText.normalized(text.strip());
        HumanText.problem(t, HumanText.Shape.LINE).ifPresent(problem -> {
            throw InvalidArgumentException.of(name, problem);
        });
        if (t.codePointCount(0, t.length()) > max) {
            throw InvalidArgumentException.of(name, "must be at most " + max + " characters");
        }
        return t;
    }

    /** A partial date; the 400 says what a date is, without quoting what was sent. */
    public static PartialDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PartialDate.parse(text, name);
        } catch (InvalidArgumentException e) {
            throw InvalidArgumentException.of(name, "must be a date from 1900 to today as YYYY, YYYY-MM or YYYY-MM-DD "
                    + "(months 01-12, days that exist)");
        }
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
            throw InvalidArgumentException.of(name, "holds " + (bad.size() == 1 ? "an unknown value" : bad.size() + " unknown values")
                    + "; allowed: " + String.join(", ", allowed));
        }
        return out.isEmpty() ? new LinkedHashSet<>(allowed) : out;
    }
}
