package io.habeas.kernel.legal;

import io.habeas.kernel.errors.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An article reference split into its parts: article 204, part 3, clause 1, sub-clause 2. A part,
 * clause or sub-clause the reference does not have is null (an empty one is taken as absent).
 */
public record ArticleStructure(String article, String part, String clause, String subclause) {
    private static final Pattern ARTICLE = Pattern.compile("[0-9][0-9\\p{L}.-]{0,19}");
    private static final Pattern PART = Pattern.compile("[0-9]{1,10}");
    private static final Pattern CLAUSE = Pattern.compile("[0-9\\p{L}]{1,10}");
    /** Lower-case Cyrillic letters that look like Latin ones: a clause "а" typed either way is the same clause. */
    private static final String CYRILLIC = "аеорсухк";
    private static final String LATIN = "aeopcyxk";

    public ArticleStructure {
        article = emptyToNull(article);
        part = emptyToNull(part);
        clause = emptyToNull(clause);
        subclause = emptyToNull(subclause);
    }

    public static ArticleStructure article(String article) {
        return new ArticleStructure(article, null, null, null);
    }

    /**
     * What is wrong with this structure as a client sent it, each named under path
     * ("charge.article" gives "charge.article.part"): the shapes habeas.detention.v1.ArticleReference
     * documents, and a sub-clause needs a clause. A clause without a part is accepted: some codes
     * have articles without parts.
     */
    public List<FieldViolation> problems(String path) {
        List<FieldViolation> problems = new ArrayList<>();
        if (article == null) {
            problems.add(new FieldViolation(path + ".article", "is required when the structure is sent"));
        } else if (!ARTICLE.matcher(article).matches()) {
            problems.add(new FieldViolation(path + ".article",
                    "must be 1 to 20 digits, letters, '.' and '-', starting with a digit, such as 204, 167-3 or 280.3"));
        }
        if (part != null && !PART.matcher(part).matches()) {
            problems.add(new FieldViolation(path + ".part", "must be digits, at most 10"));
        }
        if (clause != null && !CLAUSE.matcher(clause).matches()) {
            problems.add(new FieldViolation(path + ".clause", "must be at most 10 digits and letters, such as 1 or а"));
        }
        if (subclause != null && !CLAUSE.matcher(subclause).matches()) {
            problems.add(new FieldViolation(path + ".subclause", "must be at most 10 digits and letters, such as 2"));
        } else if (subclause != null && clause == null) {
            problems.add(new FieldViolation(path + ".subclause", "needs a clause"));
        }
        return problems;
    }

    /**
     * Where this structure, as sent, differs from what the numbering read from the reference, one
     * violation per field under path. Letters compare regardless of case and of the Latin or
     * Cyrillic look-alike typed ("a" and "а").
     */
    public List<FieldViolation> disagreements(ArticleStructure read, String reference, String path) {
        List<FieldViolation> disagreements = new ArrayList<>();
        compare("article", ArticleStructure::article, read, reference, path, disagreements);
        compare("part", ArticleStructure::part, read, reference, path, disagreements);
        compare("clause", ArticleStructure::clause, read, reference, path, disagreements);
        compare("subclause", ArticleStructure::subclause, read, reference, path, disagreements);
        return disagreements;
    }

    private void compare(String field, Function<ArticleStructure, String> value, ArticleStructure read,
            String reference, String path, List<FieldViolation> out) {
        String sent = value.apply(this);
        String readValue = value.apply(read);
        if (!fold(sent).equals(fold(readValue))) {
            out.add(new FieldViolation(path + "." + field, "disagrees with the reference \"" + reference + "\", which reads "
                    + (readValue == null ? "no " + field : field + " " + readValue)));
        }
    }

    private static String fold(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder folded = new StringBuilder(value.toLowerCase(Locale.ROOT));
        for (int i = 0; i < folded.length(); i++) {
            int at = CYRILLIC.indexOf(folded.charAt(i));
            if (at >= 0) {
                folded.setCharAt(i, LATIN.charAt(at));
            }
        }
        return folded.toString();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public String toString() {
        return "article " + article + (part == null ? "" : ", part " + part) + (clause == null ? "" : ", clause " + clause)
                + (subclause == null ? "" : ", sub-clause " + subclause);
    }
}
