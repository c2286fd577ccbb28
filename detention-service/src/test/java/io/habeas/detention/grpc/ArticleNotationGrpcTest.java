package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.ArticleReference;
import io.habeas.detention.v1.ArticleStructureSource;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.GetChargeRequest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each notation through CreateCharge: the text kept as written, the structure its jurisdiction's numbering reads. */
@QuarkusTest
class ArticleNotationGrpcTest extends GrpcTest {
    private Detention detention;

    @BeforeEach
    void arrestIbadoglu() {
        detention = createDetention(arrest(createPerson(ibadoglu()).getName(), date(2023, 7, 23)));
    }

    private Charge file(String jurisdiction, String reference) {
        return addCharge(detention, charge(reference, date(2024, 1, 10)).setJurisdiction(jurisdiction));
    }

    private static ArticleReference parsed(String article, String part, String clause, String subclause) {
        var structure = ArticleReference.newBuilder().setArticle(article)
                .setStructureSource(ArticleStructureSource.ARTICLE_STRUCTURE_SOURCE_PARSED);
        if (part != null) {
            structure.setPart(part);
        }
        if (clause != null) {
            structure.setClause(clause);
        }
        if (subclause != null) {
            structure.setSubclause(subclause);
        }
        return structure.build();
    }

    @ParameterizedTest(name = "{0} \"{1}\" is article {2}, part {3}, clause {4}, sub-clause {5}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "AZ | 204.3.1                       | 204   | 3 | 1 | -",
            "AZ | 204.3.1.2                     | 204   | 3 | 1 | 2",
            "AZ | 167-3.1                       | 167-3 | 1 | - | -",
            "AZ | ст. 204.3.1                   | 204   | 3 | 1 | -",
            "AZ | п. 1 ст. 204.3                | 204   | 3 | 1 | -",
            "RU | 280.3                         | 280.3 | - | - | -",
            "RU | 284.1                         | 284.1 | - | - | -",
            "BY | 361-1                         | 361-1 | - | - | -",
            "RU | 207.3                         | 207.3 | - | - | -",
            "RU | ч.2 ст.280.3                  | 280.3 | 2 | - | -",
            "RU | part 2 of article 280.3       | 280.3 | 2 | - | -",
            "RU | п. «а» ч. 2 ст. 105           | 105   | 2 | а | -",
            "BY | ч. 1 ст. 342                  | 342   | 1 | - | -",
            "BY | ст. 342 ч. 1                  | 342   | 1 | - | -",
            "BY | part 1 of article 342         | 342   | 1 | - | -",
            "BY | 342 part 1                    | 342   | 1 | - | -",
            "BY | Art. 342(1)                   | 342   | 1 | - | -",
            "BY | art. 342 part 1               | 342   | 1 | - | -",
            "BY | 'Article 342, part 1, clause 2' | 342 | 1 | 2 | -",
            "KZ | 342                           | 342   | - | - | -",
            "KZ | ч. 1 ст. 342                  | 342   | 1 | - | -",
            "UA | Art. 342(1)(a)(2)             | 342   | 1 | a | 2",
    })
    void storesTheStructureTheNumberingReadsAndTheTextAsWritten(String jurisdiction, String reference, String article,
            String part, String clause, String subclause) {
        Charge filed = file(jurisdiction, reference);

        assertEquals(reference, filed.getArticleReference());
        assertEquals(parsed(article, part, clause, subclause), filed.getArticle());
        assertEquals(filed, detentions.getCharge(GetChargeRequest.newBuilder().setName(filed.getName()).build()).getCharge());
    }

    @ParameterizedTest(name = "{0} \"{1}\" is refused")
    @CsvSource(delimiter = '|', value = {
            "KZ | 12.3", "KZ | 167-3.1", "UA | ч. 1 ст. 12.3", "GE | part 2 of article 280.3",
            "RU | 280.3.1", "BY | 167-3.1", "AZ | ч. 1 ст. 204.3", "AZ | 204.3.1.2.5", "AZ | 204..1",
            "RU | ст. 342 УК РФ", "RU | ч. 1, 2 ст. 342", "RU | пп. 1 ч. 2 ст. 342", "AZ | Art. 204 of the Code",
    })
    void aReferenceTheNumberingCannotReadWithoutAStructureNamesTheReferenceAndStoresNothing(String jurisdiction,
            String reference) {
        failsOnFields(() -> file(jurisdiction, reference), "charge.article_reference");
        assertEquals(0, database.count("charge"));
        assertEquals(1, database.count("feed_entry"), "only the detention's start");
        assertEquals(2, database.count("revision"), "the person's and the detention's");
    }
}
