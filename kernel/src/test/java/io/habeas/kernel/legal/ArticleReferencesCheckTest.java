package io.habeas.kernel.legal;

import static io.habeas.kernel.errors.InvalidArguments.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The structure stored for a reference: read from it, or sent with it and checked against it. */
class ArticleReferencesCheckTest {
    private static final String STRUCTURE = "charge.article";
    private static final String REFERENCE = "charge.article_reference";

    private static StructuredArticle resolve(String jurisdiction, String reference, ArticleStructure sent) {
        return ArticleReferences.resolve(jurisdiction, reference, sent, STRUCTURE, REFERENCE);
    }

    @Test
    void withoutAStructureTheReadingIsStoredAsParsed() {
        assertEquals(StructuredArticle.parsed(new ArticleStructure("204", "3", "1", null)), resolve("AZ", "204.3.1", null));
        assertEquals(StructuredArticle.parsed(ArticleStructure.article("284.1")), resolve("RU", "284.1", null));
        assertEquals(StructuredArticle.parsed(new ArticleStructure("342", "1", null, null)), resolve("KZ", "ч. 1 ст. 342", null));
    }

    @Test
    void anUnreadableReferenceWithoutAStructureNamesTheReference() {
        assertInvalid(REFERENCE, "cannot be read under KZ's article numbering: a dotted or hyphenated number is not "
                + "guessed at here: send the structure in article, or write it as 342 or part 1 of article 342",
                () -> resolve("KZ", "12.3", null));
        assertEquals(List.of(REFERENCE), ArticleReferences.check("AZ", "Art. 204 of the Code", null, STRUCTURE, REFERENCE)
                .stream().map(FieldViolation::field).toList());
        assertEquals(List.of(REFERENCE), ArticleReferences.check("RU", "280.3.1", null, STRUCTURE, REFERENCE)
                .stream().map(FieldViolation::field).toList());
    }

    @Test
    void aReferenceIsReadableAnywhereWhenSomeJurisdictionsNumberingReadsIt() {
        for (String reference : List.of("204.3.1.2", "280.3", "342", "ч. 1 ст. 342", "ч. 2 ст. 280.3", "Art. 342(1)")) {
            assertEquals(true, ArticleReferences.readableAnywhere(reference), reference);
        }
        for (String reference : List.of("204..1", "Art. 204 of the Code", "", "1.2.3.4.5", "ч. 1 ст.")) {
            assertEquals(false, ArticleReferences.readableAnywhere(reference), reference);
        }
    }

    @Test
    void aStructureSentWithAnUnreadableReferenceIsStoredAsSent() {
        var sent = new ArticleStructure("12", "3", null, null);
        assertEquals(StructuredArticle.sent(sent), resolve("KZ", "12.3", sent));
        var lettered = new ArticleStructure("12a", null, "bis", null);
        assertEquals(StructuredArticle.sent(lettered), resolve("FR", "article 12a bis", lettered));
    }

    @Test
    void aStructureThatAgreesIsStoredAsSentAsGiven() {
        var sent = new ArticleStructure("105", "2", "A", null);
        assertEquals(StructuredArticle.sent(sent), resolve("RU", "п. «а» ч. 2 ст. 105", sent));
        assertEquals(StructuredArticle.sent(ArticleStructure.article("280.3")), resolve("RU", "280.3", ArticleStructure.article("280.3")));
    }

    @Test
    void aStructureThatDisagreesWithTheReadingNamesEachField() {
        InvalidArgumentException failure = assertThrows(InvalidArgumentException.class,
                () -> resolve("RU", "284.1", new ArticleStructure("284", "1", null, null)));
        assertEquals(List.of("charge.article.article", "charge.article.part"),
                failure.violations().stream().map(FieldViolation::field).toList());
        assertInvalid("charge.article.part", "disagrees with the reference \"ч. 1 ст. 342\", which reads part 1",
                () -> resolve("BY", " ч. 1 ст. 342 ", new ArticleStructure("342", "2", null, null)));
        assertInvalid("charge.article.subclause", "disagrees with the reference \"204.3.1\", which reads no subclause",
                () -> resolve("AZ", "204.3.1", new ArticleStructure("204", "3", "1", "2")));
    }

    @Test
    void aBadlyShapedStructureIsReportedBeforeAnyDisagreement() {
        assertInvalid("charge.article.part", "must be digits, at most 10",
                () -> resolve("AZ", "204.3.1", new ArticleStructure("204", "three", "1", null)));
        assertInvalid("charge.article.subclause", "needs a clause",
                () -> resolve("KZ", "12.3", new ArticleStructure("12", "3", null, "1")));
        assertInvalid("charge.article.article", "is required when the structure is sent",
                () -> resolve("KZ", "12.3", new ArticleStructure(null, "3", null, null)));
    }
}
