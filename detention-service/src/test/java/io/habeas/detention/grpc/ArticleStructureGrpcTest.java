package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.FieldMask;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.support.RevisionCalls.Revised;
import io.habeas.detention.v1.ArticleReference;
import io.habeas.detention.v1.ArticleStructureSource;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.CreateChargeRequest;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.GetChargeRequest;
import io.habeas.detention.v1.UpdateChargeRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A structure sent with the reference: stored as sent when it agrees with what the jurisdiction's
 * numbering reads, refused field by field otherwise; kept, sent again or read again by corrections
 * and restores.
 */
@QuarkusTest
class ArticleStructureGrpcTest extends GrpcTest {
    private static final ArticleStructureSource SENT = ArticleStructureSource.ARTICLE_STRUCTURE_SOURCE_SENT;
    private static final ArticleStructureSource PARSED = ArticleStructureSource.ARTICLE_STRUCTURE_SOURCE_PARSED;

    @Inject
    EntityManager entityManager;

    private Detention detention;
    private long requestsBefore;

    @BeforeEach
    void arrestIbadoglu() {
        detention = createDetention(arrest(createPerson(ibadoglu()).getName(), date(2023, 7, 23)));
        requestsBefore = database.count("request_log");
    }

    private static ArticleReference.Builder structure(String article, String part, String clause, String subclause) {
        return ArticleReference.newBuilder().setArticle(article).setPart(part).setClause(clause).setSubclause(subclause);
    }

    private Charge file(String jurisdiction, String reference, ArticleReference.Builder structure) {
        var charge = charge(reference, date(2024, 1, 10)).setJurisdiction(jurisdiction);
        if (structure != null) {
            charge.setArticle(structure);
        }
        return addCharge(detention, charge);
    }

    private Charge read(Charge charge) {
        return detentions.getCharge(GetChargeRequest.newBuilder().setName(charge.getName()).build()).getCharge();
    }

    private Charge correct(Charge charge, Charge.Builder changes, String... paths) {
        return detentions.updateCharge(UpdateChargeRequest.newBuilder()
                .setCharge(changes.setName(charge.getName()).setEtag(charge.getEtag()))
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(java.util.List.of(paths)))
                .setRequestId(requestId()).build()).getCharge();
    }

    private void refusedAndNothingStored(String jurisdiction, String reference, ArticleReference.Builder structure,
            String... fields) {
        failsOnFields(() -> file(jurisdiction, reference, structure), fields);
        assertEquals(0, database.count("charge"));
        assertEquals(1, database.count("feed_entry"), "only the detention's start");
        assertEquals(requestsBefore, database.count("request_log"));
        assertEquals(2, database.count("revision"), "the person's and the detention's");
    }

    // --- filing ---

    @Test
    void aStructureSentForAJurisdictionWithoutKnownNumberingIsStoredAsSent() {
        Charge filed = file("KZ", "12.3", structure("12", "3", "", ""));

        assertEquals("12.3", filed.getArticleReference());
        assertEquals(structure("12", "3", "", "").setStructureSource(SENT).build(), filed.getArticle());
        assertEquals(filed, read(filed));
    }

    @Test
    void aStructureThatAgreesWithTheReadingIsStoredAsSentAsGiven() {
        Charge filed = file("RU", "п. «а» ч. 2 ст. 105", structure("105", "2", "A", ""));
        assertEquals(structure("105", "2", "A", "").setStructureSource(SENT).build(), filed.getArticle());

        Charge azerbaijani = file("AZ", "204.3.1.2", structure("204", "3", "1", "2"));
        assertEquals(structure("204", "3", "1", "2").setStructureSource(SENT).build(), azerbaijani.getArticle());
    }

    @Test
    void theSourceIsOutputOnly() {
        Charge filed = file("KZ", "12.3", structure("12", "3", "", "").setStructureSource(PARSED));
        assertEquals(SENT, filed.getArticle().getStructureSource());
    }

    @Test
    void aStructureThatDisagreesWithTheReadingNamesEachFieldAndStoresNothing() {
        refusedAndNothingStored("RU", "284.1", structure("284", "1", "", ""), "charge.article.article", "charge.article.part");
        refusedAndNothingStored("BY", "ч. 1 ст. 342", structure("342", "2", "", ""), "charge.article.part");
        refusedAndNothingStored("AZ", "204.3.1", structure("204", "3", "2", ""), "charge.article.clause");
        refusedAndNothingStored("AZ", "204.3.1", structure("204", "3", "1", "1"), "charge.article.subclause");
        refusedAndNothingStored("KZ", "ч. 1 ст. 342", structure("343", "1", "", ""), "charge.article.article");
    }

    @Test
    void eachBadlyShapedFieldIsNamedAndNothingIsStored() {
        refusedAndNothingStored("KZ", "12.3", structure("", "3", "", ""), "charge.article.article");
        refusedAndNothingStored("KZ", "12.3", structure("x12", "3", "", ""), "charge.article.article");
        refusedAndNothingStored("KZ", "12.3", structure("123456789012345678901", "", "", ""), "charge.article.article");
        refusedAndNothingStored("KZ", "12.3", structure("12", "three", "", ""), "charge.article.part");
        refusedAndNothingStored("KZ", "12.3", structure("12", "12345678901", "", ""), "charge.article.part");
        refusedAndNothingStored("KZ", "12.3", structure("12", "3", "1.2", ""), "charge.article.clause");
        refusedAndNothingStored("KZ", "12.3", structure("12", "3", "12345678901", ""), "charge.article.clause");
        refusedAndNothingStored("KZ", "12.3", structure("12", "3", "1", "a b"), "charge.article.subclause");
        refusedAndNothingStored("KZ", "12.3", structure("12", "3", "", "1"), "charge.article.subclause");
        refusedAndNothingStored("KZ", "12.3", structure("x", "y", "1.2", "3.4"), "charge.article.article",
                "charge.article.part", "charge.article.clause", "charge.article.subclause");
    }

    @Test
    void aStructureIsCheckedWithEveryOtherFieldAtOnce() {
        failsOnFields(() -> detentions.createCharge(CreateChargeRequest.newBuilder().setParent(detention.getName())
                .setRequestId(requestId()).setCharge(charge("12.3", date(2024, 1, 10)).setJurisdiction("KZ")
                        .setLegalCode(" ").setArticle(structure("12", "3", "", "1"))).build()),
                "charge.legal_code", "charge.article.subclause");
        failsOnFields(() -> file("KZ", "", structure("12", "x", "", "")), "charge.article_reference", "charge.article.part");
        assertEquals(0, database.count("charge"));
    }

    // --- corrections ---

    @Test
    void aCorrectionSendingTheStructureStoresItAsSent() {
        Charge filed = file("KZ", "ч. 1 ст. 342", null);
        assertEquals(PARSED, filed.getArticle().getStructureSource());

        Charge corrected = correct(filed, Charge.newBuilder().setArticleReference("12.3")
                .setArticle(structure("12", "3", "", "")), "article_reference", "article");

        assertEquals("12.3", corrected.getArticleReference());
        assertEquals(structure("12", "3", "", "").setStructureSource(SENT).build(), corrected.getArticle());
        assertEquals(corrected, read(filed));
    }

    @Test
    void aCorrectionOfTheReferenceWithoutTheStructureReadsItAgain() {
        Charge filed = file("RU", "284.1", structure("284.1", "", "", ""));
        assertEquals(SENT, filed.getArticle().getStructureSource());

        Charge corrected = correct(filed, Charge.newBuilder().setArticleReference("ч. 2 ст. 284.1")
                .setArticle(structure("999", "", "", "")), "article_reference");

        assertEquals(structure("284.1", "2", "", "").setStructureSource(PARSED).build(), corrected.getArticle());
    }

    @Test
    void aCorrectionOfTheJurisdictionReadsTheReferenceByItsNumbering() {
        Charge filed = file("AZ", "280.3", null);
        assertEquals(structure("280", "3", "", "").setStructureSource(PARSED).build(), filed.getArticle());

        Charge russian = correct(filed, Charge.newBuilder().setJurisdiction("RU"), "jurisdiction");

        assertEquals(structure("280.3", "", "", "").setStructureSource(PARSED).build(), russian.getArticle());
        assertEquals("280.3", russian.getArticleReference());
    }

    @Test
    void otherCorrectionsKeepTheStructureAsRecorded() {
        Charge filed = file("KZ", "12.3", structure("12", "3", "", ""));

        Charge corrected = correct(filed, Charge.newBuilder().setLegalCode("Criminal Code of Kazakhstan")
                .setOffenceDescription("Dissemination of false information"), "legal_code", "offence_description");

        assertEquals(filed.getArticle(), corrected.getArticle());
        assertEquals("Criminal Code of Kazakhstan", corrected.getLegalCode());
    }

    @Test
    void aCorrectionClearingTheStructureReadsItFromTheReference() {
        Charge filed = file("BY", "ч. 1 ст. 342", structure("342", "1", "", ""));

        Charge corrected = correct(filed, Charge.newBuilder(), "article");

        assertEquals(structure("342", "1", "", "").setStructureSource(PARSED).build(), corrected.getArticle());
    }

    @Test
    void aCorrectionThatTheNumberingCannotReadOrThatDisagreesChangesNothing() {
        Charge filed = file("AZ", "204.3.1", null);

        failsOnFields(() -> correct(filed, Charge.newBuilder().setJurisdiction("KZ"), "jurisdiction"),
                "charge.article_reference");
        failsOnFields(() -> correct(filed, Charge.newBuilder().setArticle(structure("204", "2", "1", "")), "article"),
                "charge.article.part");
        failsOnFields(() -> correct(filed, Charge.newBuilder().setArticleReference("204.3")
                .setArticle(structure("204", "3", "", "9")), "article_reference", "article"), "charge.article.subclause");
        failsOnFields(() -> correct(filed, Charge.newBuilder().setArticle(structure("204", "3", "1", ""))
                .setArticleReference("Art. 204 of the Code"), "article_reference"), "charge.article_reference");

        assertEquals(filed, read(filed));
        assertEquals(1, history().list(filed.getName()).size());
    }

    // --- revisions and restores ---

    @Test
    void revisionsKeepTheStructureAndItsSourceAndARestoreSendsASentOneAgain() {
        Charge filed = file("KZ", "12.3", structure("12", "3", "", ""));
        Revised first = history().newest(filed.getName());
        assertEquals(filed.getArticle(), ((Charge) first.record()).getArticle());
        correct(filed, Charge.newBuilder().setArticleReference("ч. 1 ст. 342"), "article_reference");

        Charge restored = (Charge) history().restore(filed.getName(), first.revision().getRevisionId(),
                history().etag(filed.getName()), "corrected the wrong charge", requestId());

        assertEquals("12.3", restored.getArticleReference());
        assertEquals(structure("12", "3", "", "").setStructureSource(SENT).build(), restored.getArticle());
    }

    @Test
    void aRestoreReadsAStructureHabeasReadAgainByTodaysNumbering() {
        Charge filed = file("RU", "284.1", null);
        Revised first = history().newest(filed.getName());
        correct(filed, Charge.newBuilder().setArticleReference("284"), "article_reference");
        // A revision written before V7, when every reference was read as Azerbaijan numbers articles.
        Charge before = ((Charge) first.record()).toBuilder().setArticle(ArticleReference.newBuilder()
                .setArticle("284").setPart("1")).build();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("SET LOCAL session_replication_role = replica").executeUpdate();
            entityManager.createNativeQuery("UPDATE revision SET snapshot = :snapshot WHERE id = :id")
                    .setParameter("snapshot", before.toByteArray())
                    .setParameter("id", UUID.fromString(first.revision().getRevisionId())).executeUpdate();
        });

        Charge restored = (Charge) history().restore(filed.getName(), first.revision().getRevisionId(),
                history().etag(filed.getName()), "the correction was wrong", requestId());

        assertEquals("284.1", restored.getArticleReference());
        assertEquals(structure("284.1", "", "", "").setStructureSource(PARSED).build(), restored.getArticle());
    }
}
