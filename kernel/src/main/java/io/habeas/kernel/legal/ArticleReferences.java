package io.habeas.kernel.legal;

import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A charge's article reference, read after its jurisdiction's numbering ({@link ArticleNumbering})
 * in any notation {@link Notation} reads, or its structure as a client sent it, checked against
 * what the reference says.
 */
public final class ArticleReferences {
    private ArticleReferences() {
    }

    /** What the jurisdiction's numbering reads from the reference; empty when it reads nothing. */
    public static Optional<ArticleStructure> read(String jurisdiction, String reference) {
        return Notation.read(reference, ArticleNumbering.of(jurisdiction));
    }

    /** Whether any jurisdiction's numbering reads the reference: one none reads is wrong whatever the jurisdiction. */
    public static boolean readableAnywhere(String reference) {
        return Arrays.stream(ArticleNumbering.values()).anyMatch(numbering -> Notation.read(reference, numbering).isPresent());
    }

    /**
     * What is wrong with a reference and the structure sent with it (null when none was): a sent
     * structure must have the right shapes and agree with what the numbering reads from the
     * reference, when it reads anything (named under structurePath, "charge.article.part"); without
     * one, the reference must be readable (named referencePath, "charge.article_reference").
     */
    public static List<FieldViolation> check(String jurisdiction, String reference, ArticleStructure sent,
            String structurePath, String referencePath) {
        if (sent != null) {
            List<FieldViolation> problems = sent.problems(structurePath);
            if (!problems.isEmpty()) {
                return problems;
            }
            return read(jurisdiction, reference).map(read -> sent.disagreements(read, reference.strip(), structurePath))
                    .orElse(List.of());
        }
        if (read(jurisdiction, reference).isPresent()) {
            return List.of();
        }
        return List.of(new FieldViolation(referencePath, "cannot be read under "
                + (jurisdiction == null ? "this jurisdiction" : jurisdiction) + "'s article numbering: "
                + ArticleNumbering.of(jurisdiction).advice()));
    }

    /** The structure to store: the one sent as it was sent, else the one read; INVALID_ARGUMENT as {@link #check} says. */
    public static StructuredArticle resolve(String jurisdiction, String reference, ArticleStructure sent,
            String structurePath, String referencePath) {
        List<FieldViolation> violations = check(jurisdiction, reference, sent, structurePath, referencePath);
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
        return sent != null ? StructuredArticle.sent(sent) : StructuredArticle.parsed(read(jurisdiction, reference).orElseThrow());
    }
}
