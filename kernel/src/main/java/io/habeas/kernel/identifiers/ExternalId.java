package io.habeas.kernel.identifiers;

import io.habeas.kernel.text.HumanText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A record's identifier in another database (habeas.common.v1.ExternalId): who issues it, and the
 * value as that scheme writes it. One scheme and value name at most one person, or one actor.
 * Values are compared exactly, as stored: in NFC, without surrounding spaces; schemes in lower case.
 */
public record ExternalId(String scheme, String value) {
    public static final String WIKIDATA = "wikidata";
    static final int MAX_SCHEME = 40;
    static final int MAX_VALUE = 200;
    static final String SCHEME_RULE = "must be 1 to " + MAX_SCHEME
            + " characters of a-z, 0-9, '.', '_' and '-', starting with a letter, such as wikidata";
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9._-]{0," + (MAX_SCHEME - 1) + "}");
    /** A Wikidata item: Q and its number, which never starts with 0. */
    private static final Pattern WIKIDATA_ITEM = Pattern.compile("Q[1-9][0-9]*");

    /**
     * The identifier as a client wrote it, read as it is stored: the scheme's capitals A-Z in lower
     * case (only those: a lookalike such as the Kelvin sign stays, and is refused), the value in NFC
     * without surrounding white space. Missing parts read as empty. Not checked yet: see {@link #problems()}.
     */
    public static ExternalId written(String scheme, String value) {
        String lowered = scheme == null ? "" : asciiLowerCase(scheme);
        String stripped = value == null ? "" : HumanText.normalized(value).strip();
        return new ExternalId(lowered, stripped);
    }

    public static ExternalId fromProto(io.habeas.common.v1.ExternalId id) {
        return written(id.getScheme(), id.getValue());
    }

    public io.habeas.common.v1.ExternalId toProto() {
        return io.habeas.common.v1.ExternalId.newBuilder().setScheme(scheme).setValue(value).build();
    }

    /** What keeps it from being stored or looked up, by part ("scheme", "value"); empty when nothing does. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (scheme == null || scheme.isEmpty()) {
            problems.put("scheme", "is required: who issues the value, such as wikidata");
        } else if (!SCHEME.matcher(scheme).matches()) {
            problems.put("scheme", SCHEME_RULE);
        }
        valueProblem().ifPresent(problem -> problems.put("value", problem));
        return problems;
    }

    private Optional<String> valueProblem() {
        if (value == null || value.isEmpty()) {
            return Optional.of("is required: the identifier as its scheme writes it");
        }
        if (value.codePointCount(0, value.length()) > MAX_VALUE) {
            return Optional.of("must be at most " + MAX_VALUE + " characters");
        }
        var text = HumanText.problem(value, HumanText.Shape.LINE);
        if (text.isPresent()) {
            return text;
        }
        if (WIKIDATA.equals(scheme) && !WIKIDATA_ITEM.matcher(value).matches()) {
            return Optional.of("must be a Wikidata item id under wikidata: Q and its number, such as Q42");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return scheme + ":" + value;
    }

    private static String asciiLowerCase(String text) {
        StringBuilder lowered = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            lowered.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return lowered.toString();
    }
}
