package io.habeas.kernel.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** What each jurisdiction's numbering reads from each notation, and what it does not read. */
class ArticleReferencesTest {

    private static void reads(String jurisdiction, String reference, String article, String part, String clause,
            String subclause) {
        assertEquals(Optional.of(new ArticleStructure(article, part, clause, subclause)),
                ArticleReferences.read(jurisdiction, reference), () -> jurisdiction + " \"" + reference + "\"");
    }

    private static void readsNothing(String jurisdiction, String reference) {
        Optional<ArticleStructure> read = ArticleReferences.read(jurisdiction, reference);
        assertTrue(read.isEmpty(), () -> jurisdiction + " \"" + reference + "\" read as " + read);
    }

    // --- numbers alone ---

    @ParameterizedTest(name = "AZ \"{0}\" is {1}, part {2}, clause {3}, sub-clause {4}")
    @CsvSource(nullValues = "-", value = {
            "204.3.1,       204,   3, 1, -",
            "204.3.1.2,     204,   3, 1, 2",
            "167-3.1,       167-3, 1, -, -",
            "167-3,         167-3, -, -, -",
            "318-1.2.3,     318-1, 2, 3, -",
            "228,           228,   -, -, -",
            "341.2,         341,   2, -, -",
            "' 204.3.1 ',   204,   3, 1, -",
    })
    void azerbaijanSplitsADottedNumberIntoPartClauseAndSubclause(String reference, String article, String part,
            String clause, String subclause) {
        reads("AZ", reference, article, part, clause, subclause);
        reads("az", reference, article, part, clause, subclause);
    }

    @org.junit.jupiter.api.Test
    void surroundingTabsAndNewlinesAreIgnored() {
        reads("AZ", "\t204.3.1\n", "204", "3", "1", null);
    }

    @ParameterizedTest(name = "RU and BY \"{0}\" is article {0}")
    @ValueSource(strings = {"280.3", "284.1", "207.3", "361-1", "342", "130-1", "1"})
    void russiaAndBelarusKeepADottedOrHyphenatedNumberAsTheArticle(String reference) {
        reads("RU", reference, reference, null, null, null);
        reads("BY", reference, reference, null, null, null);
        reads("RU", "  " + reference + " ", reference, null, null, null);
    }

    @ParameterizedTest(name = "{0} \"342\" is article 342")
    @ValueSource(strings = {"AZ", "RU", "BY", "KZ", "UA", "GE", "US"})
    void aBareIntegerIsThatArticleAnywhere(String jurisdiction) {
        reads(jurisdiction, "342", "342", null, null, null);
    }

    @ParameterizedTest(name = "{0} \"{1}\" is not read")
    @CsvSource({
            "KZ, 12.3", "KZ, 204.3.1", "KZ, 167-3.1", "UA, 361-1", "GE, 280.3", "US, 18-1",
            "RU, 280.3.1", "RU, 284.1.2", "BY, 167-3.1", "RU, 361-1-2", "BY, 1.2.3.4",
            "AZ, 204.3.1.2.5", "AZ, 204..1", "AZ, 12345",
    })
    void aNumberTheJurisdictionsNumberingDoesNotCoverIsNotGuessedAt(String jurisdiction, String reference) {
        readsNothing(jurisdiction, reference);
    }

    @ParameterizedTest(name = "a dotted number under no known jurisdiction is not read: \"{0}\"")
    @ValueSource(strings = {"12.3", "167-3", "ч. 1 ст. 12.3", "part 2 of article 280.3", "Art. 12.3(1)", "ст. 167-3"})
    void withoutAJurisdictionOnlyPlainNumbersAreRead(String reference) {
        readsNothing(null, reference);
        readsNothing("", reference);
        readsNothing("XX", reference);
        reads(null, "ч. 1 ст. 342", "342", "1", null, null);
    }

    // --- notations in words and brackets, any jurisdiction ---

    @ParameterizedTest(name = "\"{0}\" is article {1}, part {2}, clause {3}, sub-clause {4}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "part 1 of article 342                  | 342 | 1 | - | -",
            "342 part 1                             | 342 | 1 | - | -",
            "Art. 342(1)                            | 342 | 1 | - | -",
            "Article 342, part 1, clause 2          | 342 | 1 | 2 | -",
            "art. 342 part 1                        | 342 | 1 | - | -",
            "ч. 1 ст. 342                           | 342 | 1 | - | -",
            "ст. 342 ч. 1                           | 342 | 1 | - | -",
            "п. «а» ч. 2 ст. 105                    | 105 | 2 | а | -",
            "PART 1 OF ARTICLE 342                  | 342 | 1 | - | -",
            "Part 1 Of Article 342                  | 342 | 1 | - | -",
            "  part   1  of    article 342          | 342 | 1 | - | -",
            "part 1 article 342                     | 342 | 1 | - | -",
            "part 1, of article 342                 | 342 | 1 | - | -",
            "Ч. 1 СТ. 342                           | 342 | 1 | - | -",
            "ч 1 ст 342                             | 342 | 1 | - | -",
            "ч.1 ст.342                             | 342 | 1 | - | -",
            "ч.1ст.342                              | 342 | 1 | - | -",
            "часть 1 статьи 342                     | 342 | 1 | - | -",
            "ч. 1 статьи 342                        | 342 | 1 | - | -",
            "Статья 342 часть 1                     | 342 | 1 | - | -",
            "ст. 342, ч. 1                          | 342 | 1 | - | -",
            "ч. 1 арт. 342                          | 342 | 1 | - | -",
            "частка 1 артыкула 342                  | 342 | 1 | - | -",
            "Art 342(1)                             | 342 | 1 | - | -",
            "Art. 342 (1)                           | 342 | 1 | - | -",
            "Art. 342( 1 )                          | 342 | 1 | - | -",
            "Article 342(1)                         | 342 | 1 | - | -",
            "342(1)                                 | 342 | 1 | - | -",
            "Art. 342(1)(a)                         | 342 | 1 | a | -",
            "Art. 342(1)(a)(2)                      | 342 | 1 | a | 2",
            "п. а ч. 2 ст. 105                      | 105 | 2 | а | -",
            "п. \"а\" ч. 2 ст. 105                  | 105 | 2 | а | -",
            "п.«а» ч.2 ст.105                       | 105 | 2 | а | -",
            "П. «А» Ч. 2 СТ. 105                    | 105 | 2 | а | -",
            "п. «a» ч. 2 ст. 105                    | 105 | 2 | a | -",
            "п. «а» ст. 105                         | 105 | - | а | -",
            "пункт «а» части 2 статьи 105           | 105 | 2 | а | -",
            "п. 2 ч. 1 ст. 342                      | 342 | 1 | 2 | -",
            "clause 2 of part 1 of article 342      | 342 | 1 | 2 | -",
            "subclause 3 of clause 2 of part 1 of article 342 | 342 | 1 | 2 | 3",
            "sub-clause 3, clause 2, part 1, article 342 | 342 | 1 | 2 | 3",
            "пп. 3 п. 2 ч. 1 ст. 342                | 342 | 1 | 2 | 3",
            "Article 342, part 1, clause 2, subclause 3 | 342 | 1 | 2 | 3",
            "ст. 342 ч. 1 п. 2                      | 342 | 1 | 2 | -",
            "ст. 342 п. 2                           | 342 | - | 2 | -",
            "Art. 342                               | 342 | - | - | -",
            "ст. 342                                | 342 | - | - | -",
            "статья 342                             | 342 | - | - | -",
            "article 342                            | 342 | - | - | -",
            "ARTICLE 342                            | 342 | - | - | -",
    })
    void readsPartsClausesAndSubclausesWrittenOut(String reference, String article, String part, String clause,
            String subclause) {
        for (String jurisdiction : new String[] {"AZ", "RU", "BY", "KZ", "UA"}) {
            reads(jurisdiction, reference, article, part, clause, subclause);
        }
    }

    @ParameterizedTest(name = "\"{0}\" with non-breaking spaces and tabs")
    @ValueSource(strings = {"ч.\u00a01 ст.\u00a0342", "ч.\t1\tст.\t342", "ч.\u202f1 ст.\u202f342", "\u00a0ч. 1 ст. 342\u00a0"})
    void anySpaceSeparates(String reference) {
        reads("RU", reference, "342", "1", null, null);
    }

    @ParameterizedTest(name = "RU/BY \"{0}\" is article {1}, part {2}, clause {3}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "ч.2 ст.280.3                   | 280.3 | 2 | -",
            "ч. 2 ст. 280.3                 | 280.3 | 2 | -",
            "Ч. 2 СТ. 280.3                 | 280.3 | 2 | -",
            "part 2 of article 280.3        | 280.3 | 2 | -",
            "part 2 of article 284.1        | 284.1 | 2 | -",
            "ст. 280.3 ч. 2                 | 280.3 | 2 | -",
            "280.3 ч. 2                     | 280.3 | 2 | -",
            "Art. 280.3(2)                  | 280.3 | 2 | -",
            "ст. 284.1                      | 284.1 | - | -",
            "ч. 2 ст. 361-1                 | 361-1 | 2 | -",
            "п. «д» ч. 2 ст. 207.3          | 207.3 | 2 | д",
            "part 1 of article 130-1        | 130-1 | 1 | -",
    })
    void russiaAndBelarusReadTheDottedArticleInWords(String reference, String article, String part, String clause) {
        reads("RU", reference, article, part, clause, null);
        reads("BY", reference, article, part, clause, null);
    }

    @ParameterizedTest(name = "AZ \"{0}\" is article {1}, part {2}, clause {3}, sub-clause {4}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "ст. 204.3.1            | 204   | 3 | 1 | -",
            "Article 204.3.1        | 204   | 3 | 1 | -",
            "Art. 204.3.1.2         | 204   | 3 | 1 | 2",
            "п. 1 ст. 204.3         | 204   | 3 | 1 | -",
            "clause 1 of article 204.3 | 204 | 3 | 1 | -",
            "204.3 clause 1         | 204   | 3 | 1 | -",
            "пп. 2 ст. 204.3.1      | 204   | 3 | 1 | 2",
            "part 3 of article 204  | 204   | 3 | - | -",
            "ч. 1 ст. 167-3         | 167-3 | 1 | - | -",
            "Art. 204(3)            | 204   | 3 | - | -",
            "Art. 167-3(1)          | 167-3 | 1 | - | -",
    })
    void azerbaijanReadsTheDotsOfANumberWrittenInWords(String reference, String article, String part, String clause,
            String subclause) {
        reads("AZ", reference, article, part, clause, subclause);
    }

    @ParameterizedTest(name = "AZ \"{0}\" names a level twice and is not read")
    @ValueSource(strings = {"ч. 1 ст. 204.3", "ч. 3 ст. 204.3", "part 1 of article 204.3", "Art. 204.3(1)",
            "п. 2 ст. 204.3.1", "204.3 part 1", "пп. 1 ст. 204.3.1.2", "пп. 1 ст. 204.3", "ст. 204.3.1 ч. 3"})
    void azerbaijanDoesNotReadALevelTheNumberAlreadyGives(String reference) {
        readsNothing("AZ", reference);
    }

    @ParameterizedTest(name = "\"{0}\" is not read")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "abc", "204..1", "-167", "167-", "204.a", "204.", ".3", "204.3.", "204 3 1", "204,3,1",
            "204.3.1a", "167--3", "204-.1", "２０４", "Art.", "part 1", "part 1 of", "of article 342", "ч. 1", "ст.",
            "ст. 342 УК РФ", "ч. 1, 2 ст. 342", "ч. 1 и 2 ст. 342", "ч. 1 ч. 2 ст. 342", "ч. 1 п. 2 ст. 342",
            "ст. 342 п. 2 ч. 1", "part one of article 342", "part a of article 342", "ч. 1 ст. 342 п. 2",
            "пп. 1 ч. 2 ст. 342", "subclause 1 of article 342", "Article 342, part 1, subclause 3", "Art. 342(a)",
            "Art. 342(1)(a)(2)(3)", "Art. 342(1) part 2", "342 part 1 part 2", "article article 342", "ст. ст. 342", "342.",
            "342,", ", 342", "part 1 of article 342 of the Criminal Code", "п. «аб» ч. 2 ст. 105", "п. аб ч. 2 ст. 105",
            "п. а. ч. 2 ст. 105", "ч. -1 ст. 342", "ч. 1.2 ст. 342", "Art. 342(1", "Art. 342)1(", "ст 342 ч",
            "п. «а» ч. 2 ст.", "12345", "Art. 342(1)(a) part 2", "part 1 of of article 342", "ч. 1 ст. 342;",
            "ст. 342 (ч. 1)", "art. 342 par. 1", "§ 342", "ч. 1 ст. 342 УК", "paragraph 1 of article 342",
            "part 1 of article", "342 ст.", "1 ч. ст. 342", "п. (а) ч. 2 ст. 105", "ч. «1» ст. 342 п.", "ч. ١ ст. 342"})
    void rejectsAnythingElse(String reference) {
        for (String jurisdiction : new String[] {"AZ", "RU", "BY", "KZ"}) {
            readsNothing(jurisdiction, reference);
        }
    }
}
