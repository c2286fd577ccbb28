package io.habeas.detention.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleReferenceTest {

    @ParameterizedTest(name = "\"{0}\" is article {1}, part {2}, clause {3}")
    @CsvSource(nullValues = "-", value = {
            "204.3.1,     204,   3, 1",
            "167-3.1,     167-3, 1, -",
            "228,         228,   -, -",
            "341.2,       341,   2, -",
            "' 204.3.1 ', 204,   3, 1",
            "'  167-3.1', 167-3, 1, -",
            "'228  ',     228,   -, -",
            "318-1.2.3,   318-1, 2, 3",
            "167-3,       167-3, -, -",
    })
    void splitsAReferenceIntoArticlePartAndClause(String reference, String article, String part, String clause) {
        assertEquals(Optional.of(new ArticleReference(article, part, clause)), ArticleReference.parse(reference));
    }

    @Test
    void surroundingTabsAndNewlinesAreIgnored() {
        assertEquals(Optional.of(new ArticleReference("204", "3", "1")), ArticleReference.parse("\t204.3.1\n"));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "abc", "204..1", "204.3.1.4", "-167", "167-", "204.a", "204.", ".3",
            "204.3.", "204 3 1", "204,3,1", "Art. 204", "204.3.1a", "167--3", "204-.1", "２０４"})
    void rejectsWhatIsNotAnArticleWithOptionalPartAndClause(String reference) {
        assertTrue(ArticleReference.parse(reference).isEmpty(), () -> "parsed " + ArticleReference.parse(reference));
    }
}
