package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.habeas.detention.v1.ArticleReference;
import io.habeas.detention.v1.ArticleStructureSource;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.gateway.fake.Backends;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A charge's article structure in the JSON: every level, and whether it was read from the reference or sent. */
@QuarkusTest
class ChargeArticleTest extends GatewayTest {
    private static final String RU_CODE = "Criminal Code of the Russian Federation";

    private void recordCharges() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.detentions.add(detention(detentionName("1"), PERSON, "AZ", "2023-07-23",
                CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION, true, 300, PUBLIC));
        Charge azerbaijani = charge(chargeName("1", "1"), "204.3.1.2", "2023-07-24");
        Charge russian = charge(chargeName("1", "2"), "part 2 of article 280.3", "2023-12").toBuilder()
                .setJurisdiction("RU").setLegalCode(RU_CODE)
                .setArticle(ArticleReference.newBuilder().setArticle("280.3").setPart("2")
                        .setStructureSource(ArticleStructureSource.ARTICLE_STRUCTURE_SOURCE_SENT))
                .build();
        Backends.charges.put(detentionName("1"), List.of(azerbaijani, russian));
        Backends.feed.add(chargeFiled(azerbaijani, PERSON, "AZ"));
        Backends.feed.add(chargeFiled(russian, PERSON, "AZ"));
    }

    @Test
    void theProfileShowsEveryLevelOfTheStructureAndWhereItComesFrom() {
        recordCharges();
        given().get("/api/v1/persons/" + id("ibadoglu")).then().statusCode(200)
                .body("charges.articleReference", contains("204.3.1.2", "part 2 of article 280.3"))
                .body("charges[0].article.article", is("204"))
                .body("charges[0].article.part", is("3"))
                .body("charges[0].article.clause", is("1"))
                .body("charges[0].article.subclause", is("2"))
                .body("charges[0].article.structureSource", is("parsed"))
                .body("charges[1].jurisdiction", is("RU"))
                .body("charges[1].article.article", is("280.3"))
                .body("charges[1].article.part", is("2"))
                .body("charges[1].article.clause", nullValue())
                .body("charges[1].article.subclause", nullValue())
                .body("charges[1].article.structureSource", is("sent"));
    }

    @Test
    void theTimelineCitesANumberAsAnArticleAndAWrittenOutReferenceAsWritten() {
        recordCharges();
        given().get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .body("events.title", contains("Charged under Article 204.3.1.2 of the Criminal Code of the Republic of Azerbaijan",
                        "Charged under part 2 of article 280.3 of the " + RU_CODE));
    }
}
