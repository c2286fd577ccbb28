package io.habeas.kernel.legal;

import java.util.Objects;

/** An article's structure and where it comes from. */
public record StructuredArticle(ArticleStructure structure, StructureSource source) {
    public StructuredArticle {
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(source, "source");
    }

    public static StructuredArticle sent(ArticleStructure structure) {
        return new StructuredArticle(structure, StructureSource.SENT);
    }

    public static StructuredArticle parsed(ArticleStructure structure) {
        return new StructuredArticle(structure, StructureSource.PARSED);
    }
}
