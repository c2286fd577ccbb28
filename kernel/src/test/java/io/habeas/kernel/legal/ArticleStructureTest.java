package io.habeas.kernel.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.kernel.errors.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shapes a sent structure must have, and where it disagrees with what a reference reads. */
class ArticleStructureTest {
    private static final String PATH = "charge.article";

    private static List<String> fields(List<FieldViolation> violations) {
        return violations.stream().map(FieldViolation::field).toList();
    }

    @Test
    void emptyPartsAreAbsent() {
        assertEquals(new ArticleStructure("342", null, null, null), new ArticleStructure("342", "", "", ""));
        assertEquals(new ArticleStructure(null, null, null, null), new ArticleStructure("", "", "", ""));
    }

    @ParameterizedTest(name = "article \"{0}\" is accepted")
    @ValueSource(strings = {"204", "167-3", "280.3", "12a", "1", "12345678901234567890", "3-1.2", "12б"})
    void acceptsAnArticleOfDigitsLettersDotsAndHyphensStartingWithADigit(String article) {
        assertEquals(List.of(), new ArticleStructure(article, "1", "а", "2").problems(PATH));
    }

    @Test
    void theArticleIsRequired() {
        assertEquals(List.of(new FieldViolation("charge.article.article", "is required when the structure is sent")),
                new ArticleStructure(null, "1", null, null).problems(PATH));
        assertEquals(List.of("charge.article.article"), fields(new ArticleStructure("", null, null, null).problems(PATH)));
    }

    @ParameterizedTest(name = "article \"{0}\" is refused")
    @ValueSource(strings = {"a12", "-1", ".1", "1 2", " 1", "123456789012345678901", "12/3", "12,3", "12_3", "１２", "12§"})
    void refusesAnyOtherArticle(String article) {
        assertEquals(List.of("charge.article.article"), fields(ArticleStructure.article(article).problems(PATH)));
    }

    @ParameterizedTest(name = "part \"{0}\" is refused")
    @ValueSource(strings = {"a", "1.2", "12345678901", " 1", "-1", "١", "1a", "I"})
    void aPartIsDigits(String part) {
        assertEquals(List.of("charge.article.part"), fields(new ArticleStructure("342", part, null, null).problems(PATH)));
    }

    @ParameterizedTest(name = "part \"{0}\" is accepted")
    @ValueSource(strings = {"1", "0123456789", "12"})
    void acceptsAPartOfUpToTenDigits(String part) {
        assertEquals(List.of(), new ArticleStructure("342", part, null, null).problems(PATH));
    }

    @ParameterizedTest(name = "clause and sub-clause \"{0}\" are refused")
    @ValueSource(strings = {"1.2", "a b", "12345678901", "«а»", "а)", "-", "1-2"})
    void aClauseOrSubclauseIsDigitsAndLetters(String value) {
        assertEquals(List.of("charge.article.clause"), fields(new ArticleStructure("342", "1", value, null).problems(PATH)));
        assertEquals(List.of("charge.article.subclause"), fields(new ArticleStructure("342", "1", "2", value).problems(PATH)));
    }

    @ParameterizedTest(name = "clause \"{0}\" is accepted")
    @ValueSource(strings = {"1", "а", "a", "12", "1a", "bis", "1234567890"})
    void acceptsAClauseOfUpToTenDigitsAndLetters(String clause) {
        assertEquals(List.of(), new ArticleStructure("342", "1", clause, clause).problems(PATH));
    }

    @Test
    void aClauseMayStandWithoutAPart() {
        assertEquals(List.of(), new ArticleStructure("105", null, "а", null).problems(PATH));
    }

    @Test
    void aSubclauseNeedsAClause() {
        assertEquals(List.of(new FieldViolation("charge.article.subclause", "needs a clause")),
                new ArticleStructure("342", "1", null, "2").problems(PATH));
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertEquals(List.of("charge.article.article", "charge.article.part", "charge.article.clause",
                "charge.article.subclause"), fields(new ArticleStructure("x", "y", "1.2", "3.4").problems(PATH)));
        assertEquals(List.of("charge.article.article", "charge.article.subclause"),
                fields(new ArticleStructure(null, null, null, "2").problems(PATH)));
    }

    // --- agreement with the reference ---

    @Test
    void aStructureAgreesWithTheSameReading() {
        var structure = new ArticleStructure("342", "1", "2", "3");
        assertEquals(List.of(), structure.disagreements(structure, "342", PATH));
    }

    @Test
    void lettersAgreeWhateverTheCaseOrScriptTheyAreTypedIn() {
        var read = new ArticleStructure("105", "2", "а", null);
        assertEquals(List.of(), new ArticleStructure("105", "2", "a", null).disagreements(read, "п. «а» ч. 2 ст. 105", PATH));
        assertEquals(List.of(), new ArticleStructure("105", "2", "A", null).disagreements(read, "п. «а» ч. 2 ст. 105", PATH));
        assertEquals(List.of(), new ArticleStructure("105", "2", "А", null).disagreements(read, "п. «а» ч. 2 ст. 105", PATH));
        assertEquals(List.of("charge.article.clause"), fields(new ArticleStructure("105", "2", "б", null)
                .disagreements(read, "п. «а» ч. 2 ст. 105", PATH)));
    }

    @Test
    void eachFieldThatDiffersIsNamedWithWhatTheReferenceReads() {
        var read = ArticleStructure.article("284.1");
        assertEquals(List.of(
                new FieldViolation("charge.article.article", "disagrees with the reference \"284.1\", which reads article 284.1"),
                new FieldViolation("charge.article.part", "disagrees with the reference \"284.1\", which reads no part")),
                new ArticleStructure("284", "1", null, null).disagreements(read, "284.1", PATH));
        assertEquals(List.of(new FieldViolation("charge.article.clause",
                "disagrees with the reference \"204.3\", which reads no clause")),
                new ArticleStructure("204", "3", "1", null).disagreements(new ArticleStructure("204", "3", null, null), "204.3", PATH));
        assertEquals(List.of("charge.article.subclause"), fields(new ArticleStructure("204", "3", "1", null)
                .disagreements(new ArticleStructure("204", "3", "1", "2"), "204.3.1.2", PATH)));
    }
}
