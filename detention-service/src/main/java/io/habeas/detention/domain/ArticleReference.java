package io.habeas.detention.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A criminal-code article reference split into article, part and clause. The hyphen belongs
 * to the article number: "167-3.1" is article 167-3, part 1; "204.3.1" is article 204,
 * part 3, clause 1.
 */
public record ArticleReference(String article, String part, String clause) {
    private static final Pattern SHAPE = Pattern.compile("(\\d{1,4}(?:-\\d{1,4})*)(?:\\.(\\d{1,3})(?:\\.(\\d{1,3}))?)?");

    public static Optional<ArticleReference> parse(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(reference.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ArticleReference(matcher.group(1), matcher.group(2), matcher.group(3)));
    }
}
