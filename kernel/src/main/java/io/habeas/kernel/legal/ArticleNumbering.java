package io.habeas.kernel.legal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a jurisdiction's monitors number articles, which decides what a dotted or hyphenated
 * number means. Only what each rule gives is read: a number no rule covers is never guessed at.
 */
public enum ArticleNumbering {
    /**
     * Azerbaijan: the dots separate part, clause and sub-clause ("204.3.1.2" is article 204, part 3,
     * clause 1, sub-clause 2); a hyphen belongs to the article number ("167-3.1" is article 167-3,
     * part 1).
     */
    DOTTED_PARTS(Pattern.compile("(\\d{1,4}(?:-\\d{1,4})*)(?:\\.(\\d{1,3})(?:\\.(\\d{1,3})(?:\\.(\\d{1,3}))?)?)?"),
            "write it as 204.3.1, 167-3.1 or part 1 of article 342, or send the structure in article"),
    /**
     * Russia and Belarus: a number after a dot or a hyphen belongs to the article itself ("280.3",
     * "284.1" and "361-1" are articles in their own right); parts are written separately.
     */
    ARTICLE_SUFFIX(Pattern.compile("\\d{1,4}(?:[.-]\\d{1,4})?"), "write it as 280.3, ч. 2 ст. 280.3 or part 2 of article 280.3, or send the structure in article"),
    /** Any other jurisdiction: only a plain article number is read; a dotted or hyphenated one needs the structure sent. */
    PLAIN(Pattern.compile("\\d{1,4}"), "a dotted or hyphenated number is not guessed at here: send the structure in article, "
            + "or write it as 342 or part 1 of article 342");

    private final Pattern number;
    private final String advice;

    ArticleNumbering(Pattern number, String advice) {
        this.number = number;
        this.advice = advice;
    }

    /** The numbering of a jurisdiction (ISO 3166-1 alpha-2, any case). */
    public static ArticleNumbering of(String jurisdiction) {
        return switch (jurisdiction == null ? "" : jurisdiction.toUpperCase(Locale.ROOT)) {
            case "AZ" -> DOTTED_PARTS;
            case "RU", "BY" -> ARTICLE_SUFFIX;
            default -> PLAIN;
        };
    }

    /** What an article number, as written, says under this numbering: the article, and for AZ what the dots add. */
    public Optional<ArticleStructure> readNumber(String written) {
        Matcher matcher = number.matcher(written);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        if (this != DOTTED_PARTS) {
            return Optional.of(ArticleStructure.article(written));
        }
        return Optional.of(new ArticleStructure(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
    }

    /** What to do about a reference this numbering does not read, for a message. */
    public String advice() {
        return advice;
    }
}
