package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.detention.support.Fixtures.source;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static io.habeas.support.testing.GrpcAssertions.failsPrecondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.RecordState;
import io.habeas.detention.support.Fixtures;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.ArticleReference;
import io.habeas.detention.v1.ArticleStructureSource;
import io.habeas.detention.v1.ChangeChargeStatusRequest;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.ChargeStatus;
import io.habeas.detention.v1.ChargeStatusChange;
import io.habeas.detention.v1.CreateChargeRequest;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.GetChargeRequest;
import io.habeas.detention.v1.ListChargesRequest;
import io.habeas.detention.v1.ListChargesResponse;
import io.habeas.detention.v1.RetractChargeRequest;
import io.habeas.detention.v1.SentenceTerm;
import io.habeas.detention.v1.UpdateChargeRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChargeGrpcTest extends GrpcTest {
    private static final PartialDate ARREST_DAY = date(2023, 7, 23);

    private Detention detention;
    private long requestsBefore;

    @BeforeEach
    void arrestIbadoglu() {
        detention = createDetention(arrest(createPerson(ibadoglu()).getName(), ARREST_DAY));
        requestsBefore = database.count("request_log");
    }

    private CreateChargeRequest.Builder filing(Charge.Builder charge) {
        return CreateChargeRequest.newBuilder().setParent(detention.getName()).setCharge(charge).setRequestId(requestId());
    }

    private Charge file(Charge.Builder charge) {
        return detentions.createCharge(filing(charge).build()).getCharge();
    }

    private Charge read(Charge charge) {
        return detentions.getCharge(GetChargeRequest.newBuilder().setName(charge.getName()).build()).getCharge();
    }

    private static ChargeStatusChange.Builder change(ChargeStatus status, PartialDate effectiveOn) {
        return ChargeStatusChange.newBuilder().setStatus(status).setEffectiveOn(effectiveOn).addSources(source());
    }

    private ChangeChargeStatusRequest.Builder statusChange(Charge charge, ChargeStatusChange.Builder change) {
        return ChangeChargeStatusRequest.newBuilder().setName(charge.getName()).setEtag(charge.getEtag())
                .setStatusChange(change).setRequestId(requestId());
    }

    private List<Charge> list(ListChargesRequest.Builder request) {
        return detentions.listCharges(request.setParent(detention.getName()).build()).getChargesList();
    }

    /** Nothing of a refused write is left behind: no charge, no feed entry, no logged answer. */
    private void assertNothingStored() {
        assertEquals(0, database.count("charge"));
        assertEquals(1, database.count("feed_entry"), "only the detention's start");
        assertEquals(requestsBefore, database.count("request_log"));
    }

    // --- filing ---

    @Test
    void filingKeepsTheReferenceAsWrittenAndItsStructure() {
        Charge filed = file(charge("204.3.1", ARREST_DAY).setOffenceDescription("Counterfeit money"));

        assertTrue(filed.getName().matches(detention.getName() + "/charges/[0-9a-f-]{36}"), filed.getName());
        assertEquals("204.3.1", filed.getArticleReference());
        assertEquals(ArticleReference.newBuilder().setArticle("204").setPart("3").setClause("1")
                .setStructureSource(ArticleStructureSource.ARTICLE_STRUCTURE_SOURCE_PARSED).build(), filed.getArticle());
        assertEquals(ChargeStatus.CHARGE_STATUS_FILED, filed.getStatus());
        assertEquals(0, filed.getStatusHistoryCount());
        assertEquals(RecordState.RECORD_STATE_ACTIVE, filed.getState());
        assertEquals(Fixtures.AZ_CRIMINAL_CODE, filed.getLegalCode());
        assertEquals("Counterfeit money", filed.getOffenceDescription());
        assertFalse(filed.getEtag().isEmpty());
        assertEquals(filed, read(filed));
        assertEquals(1, database.count("charge"));
    }

    @Test
    void theHyphenBelongsToTheArticleNumber() {
        Charge filed = file(charge("167-3.1", date(2024, 1, 0)));

        assertEquals("167-3.1", filed.getArticleReference());
        assertEquals(ArticleReference.newBuilder().setArticle("167-3").setPart("1")
                .setStructureSource(ArticleStructureSource.ARTICLE_STRUCTURE_SOURCE_PARSED).build(), filed.getArticle());
        assertEquals("", filed.getArticle().getClause());
    }

    @Test
    void aReferenceWithSurroundingSpacesIsStoredTrimmed() {
        Charge filed = file(charge(" 204.3.1 ", ARREST_DAY));

        assertEquals("204.3.1", filed.getArticleReference());
        assertEquals("204", filed.getArticle().getArticle());
    }

    @Test
    void aMalformedArticleReferenceIsInvalidAndNothingIsStored() {
        failsOnFields(() -> file(charge("204..1", ARREST_DAY)), "charge.article_reference");
        failsOnFields(() -> file(charge("Article 204 of the Criminal Code", ARREST_DAY)), "charge.article_reference");
        failsOnFields(() -> file(charge("", ARREST_DAY)), "charge.article_reference");
        assertNothingStored();
    }

    @Test
    void aJurisdictionThatIsNotACountryIsInvalid() {
        failsOnFields(() -> file(charge("204.3.1", ARREST_DAY).setJurisdiction("XX")), "charge.jurisdiction");
        assertNothingStored();
    }

    @Test
    void aChargeWithoutSourcesIsInvalid() {
        failsOnFields(() -> file(charge("204.3.1", ARREST_DAY).clearSources()), "charge.sources");
        assertNothingStored();
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        failsOnFields(() -> file(charge("204..1", date(2023, 2, 30)).setJurisdiction("XX").setLegalCode(" ")
                .clearSources()), "charge.article_reference", "charge.jurisdiction", "charge.legal_code",
                "charge.filed_on", "charge.sources");
        failsOnFields(() -> file(charge("204.3.1", ARREST_DAY).clearFiledOn()), "charge.filed_on");
        assertNothingStored();
    }

    @Test
    void aChargeUnderAnUnknownDetentionIsNotFoundAndNothingIsStored() {
        fails(Status.Code.NOT_FOUND, () -> detentions.createCharge(filing(charge("204.3.1", ARREST_DAY))
                .setParent("detentions/0190a0e0-0000-7000-8000-000000000000").build()));
        failsOnFields(() -> detentions.createCharge(filing(charge("204.3.1", ARREST_DAY))
                .setParent("detentions/42").build()), "parent");
        assertNothingStored();
    }

    @Test
    void aRetryWithTheSameRequestIdReturnsTheSameChargeAndStoresNothingNew() {
        CreateChargeRequest request = filing(charge("204.3.1", ARREST_DAY)).build();
        Charge first = detentions.createCharge(request).getCharge();
        Charge retried = detentions.createCharge(request).getCharge();

        assertEquals(first, retried);
        assertEquals(1, database.count("charge"));
        assertEquals(2, database.count("feed_entry"), "the detention's start and one filing");
    }

    @Test
    void theSameRequestIdForAnotherChargeIsRejected() {
        CreateChargeRequest request = filing(charge("204.3.1", ARREST_DAY)).build();
        detentions.createCharge(request);

        fails(Status.Code.ALREADY_EXISTS, () -> detentions.createCharge(request.toBuilder()
                .setCharge(charge("167-3.1", ARREST_DAY)).build()));
        assertEquals(1, database.count("charge"));
    }

    // --- status changes ---

    @Test
    void aConvictionNeedsASentenceTerm() {
        Charge filed = file(charge("204.3.1", ARREST_DAY));

        failsOnFields(() -> detentions.changeChargeStatus(statusChange(filed,
                change(ChargeStatus.CHARGE_STATUS_CONVICTED, date(2024, 3, 1))).build()),
                "status_change.sentence_term");
        failsOnFields(() -> detentions.changeChargeStatus(statusChange(filed,
                change(ChargeStatus.CHARGE_STATUS_DROPPED, date(2024, 3, 1))
                        .setSentenceTerm(SentenceTerm.newBuilder().setYears(7))).build()),
                "status_change.sentence_term");
        assertEquals(filed, read(filed));
    }

    @Test
    void aConvictionIsRecordedWithItsSentence() {
        Charge filed = file(charge("204.3.1", ARREST_DAY));
        SentenceTerm sevenYears = SentenceTerm.newBuilder().setYears(7).build();

        Charge convicted = detentions.changeChargeStatus(statusChange(filed,
                change(ChargeStatus.CHARGE_STATUS_CONVICTED, date(2024, 3, 1)).setSentenceTerm(sevenYears)
                        .setNote("Baku Grave Crimes Court")).build()).getCharge();

        assertEquals(ChargeStatus.CHARGE_STATUS_CONVICTED, convicted.getStatus());
        assertEquals(1, convicted.getStatusHistoryCount());
        ChargeStatusChange recorded = convicted.getStatusHistory(0);
        assertEquals(ChargeStatus.CHARGE_STATUS_CONVICTED, recorded.getStatus());
        assertEquals(sevenYears, recorded.getSentenceTerm());
        assertEquals(date(2024, 3, 1), recorded.getEffectiveOn().toBuilder().clearPrecision().build());
        assertEquals("Baku Grave Crimes Court", recorded.getNote());
        assertNotEquals(filed.getEtag(), convicted.getEtag());
        assertEquals(convicted, read(filed));
        assertEquals(3, database.count("feed_entry"), "the detention's start, the filing and the conviction");
    }

    @Test
    void statusChangesAccumulateOldestFirst() {
        Charge filed = file(charge("204.3.1", ARREST_DAY));
        Charge amended = detentions.changeChargeStatus(statusChange(filed,
                change(ChargeStatus.CHARGE_STATUS_AMENDED, date(2023, 12, 0))).build()).getCharge();
        Charge dropped = detentions.changeChargeStatus(statusChange(amended,
                change(ChargeStatus.CHARGE_STATUS_DROPPED, date(2024, 5, 2))).build()).getCharge();

        assertEquals(ChargeStatus.CHARGE_STATUS_DROPPED, dropped.getStatus());
        assertEquals(List.of(ChargeStatus.CHARGE_STATUS_AMENDED, ChargeStatus.CHARGE_STATUS_DROPPED),
                dropped.getStatusHistoryList().stream().map(ChargeStatusChange::getStatus).toList());
    }

    @Test
    void filedIsNotAStatusChange() {
        Charge filed = file(charge("204.3.1", ARREST_DAY));

        failsOnFields(() -> detentions.changeChargeStatus(statusChange(filed,
                change(ChargeStatus.CHARGE_STATUS_FILED, date(2024, 3, 1))).build()), "status_change.status");
        assertEquals(filed, read(filed));
    }

    @Test
    void aStatusChangeDatedBeforeTheFilingIsRefusedAndChangesNothing() {
        Charge filed = file(charge("204.3.1", ARREST_DAY));

        failsPrecondition("STATUS_CHANGE_BEFORE_FILING", () -> detentions.changeChargeStatus(statusChange(filed,
                change(ChargeStatus.CHARGE_STATUS_DROPPED, date(2023, 7, 22))).build()));
        failsPrecondition("STATUS_CHANGE_BEFORE_FILING", () -> detentions.changeChargeStatus(statusChange(filed,
                change(ChargeStatus.CHARGE_STATUS_DROPPED, date(2023, 6, 0))).build()));

        assertEquals(filed, read(filed));
        assertEquals(2, database.count("feed_entry"));
    }

    @Test
    void aStatusChangeInTheMonthOfTheFilingMayBeOnOrAfterItAndIsAccepted() {
        Charge filed = file(charge("204.3.1", ARREST_DAY));

        Charge dropped = detentions.changeChargeStatus(statusChange(filed,
                change(ChargeStatus.CHARGE_STATUS_DROPPED, date(2023, 7, 0))).build()).getCharge();
        assertEquals(ChargeStatus.CHARGE_STATUS_DROPPED, dropped.getStatus());
    }

    @Test
    void aStaleEtagIsAbortedAndChangesNothing() {
        Charge filed = file(charge("204.3.1", ARREST_DAY));
        Charge amended = detentions.changeChargeStatus(statusChange(filed,
                change(ChargeStatus.CHARGE_STATUS_AMENDED, date(2023, 9, 1))).build()).getCharge();

        var aborted = fails(Status.Code.ABORTED, () -> detentions.changeChargeStatus(statusChange(filed,
                change(ChargeStatus.CHARGE_STATUS_DROPPED, date(2024, 1, 1))).build()));
        assertEquals("STALE_ETAG", detail(aborted, ErrorInfo.class).getReason());
        fails(Status.Code.ABORTED, () -> detentions.updateCharge(UpdateChargeRequest.newBuilder()
                .setCharge(Charge.newBuilder().setName(filed.getName()).setEtag(filed.getEtag())
                        .setOffenceDescription("from a stale read"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("offence_description"))
                .setRequestId(requestId()).build()));

        assertEquals(amended, read(filed));
    }

    // --- corrections ---

    @Test
    void correctingTheReferenceReparsesTheArticle() {
        Charge filed = file(charge("204.3", ARREST_DAY).setOffenceDescription("Counterfeit money"));
        assertEquals(ArticleReference.newBuilder().setArticle("204").setPart("3")
                .setStructureSource(ArticleStructureSource.ARTICLE_STRUCTURE_SOURCE_PARSED).build(), filed.getArticle());

        Charge corrected = detentions.updateCharge(UpdateChargeRequest.newBuilder()
                .setCharge(Charge.newBuilder().setName(filed.getName()).setEtag(filed.getEtag())
                        .setArticleReference("204.3.1").setOffenceDescription("ignored: not in the mask"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("article_reference"))
                .setRequestId(requestId()).build()).getCharge();

        assertEquals("204.3.1", corrected.getArticleReference());
        assertEquals(ArticleReference.newBuilder().setArticle("204").setPart("3").setClause("1")
                .setStructureSource(ArticleStructureSource.ARTICLE_STRUCTURE_SOURCE_PARSED).build(), corrected.getArticle());
        assertEquals("Counterfeit money", corrected.getOffenceDescription());
        assertEquals(filed.getFiledOn(), corrected.getFiledOn());
        assertNotEquals(filed.getEtag(), corrected.getEtag());
        assertEquals(corrected, read(filed));
    }

    @Test
    void aCorrectionToAMalformedReferenceIsInvalidAndChangesNothing() {
        Charge filed = file(charge("204.3.1", ARREST_DAY));

        failsOnFields(() -> detentions.updateCharge(UpdateChargeRequest.newBuilder()
                .setCharge(Charge.newBuilder().setName(filed.getName()).setEtag(filed.getEtag())
                        .setArticleReference("204.3.1.4.5"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("article_reference"))
                .setRequestId(requestId()).build()), "charge.article_reference");
        assertEquals(filed, read(filed));
    }

    @Test
    void movingTheFilingAfterAStatusChangeIsRefused() {
        Charge filed = file(charge("204.3.1", ARREST_DAY));
        Charge dropped = detentions.changeChargeStatus(statusChange(filed,
                change(ChargeStatus.CHARGE_STATUS_DROPPED, date(2023, 9, 1))).build()).getCharge();

        failsPrecondition("STATUS_CHANGE_BEFORE_FILING", () -> detentions.updateCharge(UpdateChargeRequest.newBuilder()
                .setCharge(Charge.newBuilder().setName(dropped.getName()).setEtag(dropped.getEtag())
                        .setFiledOn(date(2023, 10, 1)))
                .setUpdateMask(FieldMask.newBuilder().addPaths("filed_on"))
                .setRequestId(requestId()).build()));
        assertEquals(dropped, read(filed));
    }

    // --- retraction ---

    @Test
    void aRetractedChargeLeavesTheListButIsKeptWithItsReason() {
        Charge kept = file(charge("204.3.1", ARREST_DAY));
        Charge wrong = file(charge("167-3.1", date(2024, 1, 15)));

        Charge retracted = detentions.retractCharge(RetractChargeRequest.newBuilder().setName(wrong.getName())
                .setEtag(wrong.getEtag()).setReason("Filed against another person").setRequestId(requestId())
                .build()).getCharge();

        assertEquals(RecordState.RECORD_STATE_RETRACTED, retracted.getState());
        assertEquals("Filed against another person", retracted.getRetractionReason());
        assertEquals(retracted, read(wrong));
        assertEquals(List.of(kept), list(ListChargesRequest.newBuilder()));
        assertEquals(List.of(kept, retracted), list(ListChargesRequest.newBuilder().setShowRetracted(true)));
        assertEquals(2, database.count("charge"));
    }

    @Test
    void aRetractionNeedsAReasonAndTheCurrentEtag() {
        Charge filed = file(charge("204.3.1", ARREST_DAY));

        failsOnFields(() -> detentions.retractCharge(RetractChargeRequest.newBuilder().setName(filed.getName())
                .setEtag(filed.getEtag()).setRequestId(requestId()).build()), "reason");
        failsOnFields(() -> detentions.retractCharge(RetractChargeRequest.newBuilder().setName(filed.getName())
                .setReason("duplicate").setRequestId(requestId()).build()), "etag");
        fails(Status.Code.ABORTED, () -> detentions.retractCharge(RetractChargeRequest.newBuilder()
                .setName(filed.getName()).setEtag(filed.getEtag() + "0").setReason("duplicate")
                .setRequestId(requestId()).build()));
        assertEquals(filed, read(filed));
    }

    @Test
    void aRetractedChargeCannotChangeStatus() {
        Charge filed = file(charge("204.3.1", ARREST_DAY));
        Charge retracted = detentions.retractCharge(RetractChargeRequest.newBuilder().setName(filed.getName())
                .setEtag(filed.getEtag()).setReason("duplicate").setRequestId(requestId()).build()).getCharge();

        failsPrecondition("RECORD_RETRACTED", () -> detentions.changeChargeStatus(statusChange(retracted,
                change(ChargeStatus.CHARGE_STATUS_DROPPED, date(2024, 1, 1))).build()));
        assertEquals(retracted, read(filed));
    }

    // --- listing ---

    @Test
    void pagesThroughChargesOneAtATimeInFilingDateOrder() {
        Charge november = file(charge("228.2", date(2023, 11, 2)));
        Charge arrestDay = file(charge("204.3.1", ARREST_DAY));
        // Known only to the month: sorts after the known days of July.
        Charge july = file(charge("167-3.1", date(2023, 7, 0)));

        List<Charge> seen = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListChargesResponse page = detentions.listCharges(ListChargesRequest.newBuilder()
                    .setParent(detention.getName()).setPageSize(1).setPageToken(token).build());
            assertEquals(1, page.getChargesCount());
            seen.addAll(page.getChargesList());
            token = page.getNextPageToken();
            pages++;
        } while (!token.isEmpty() && pages < 10);

        assertEquals(List.of(arrestDay, july, november), seen);
        assertEquals(3, pages);
        assertEquals(List.of(arrestDay, july, november), list(ListChargesRequest.newBuilder()));
    }

    @Test
    void listingRejectsAnUnknownDetentionABadPageSizeAndAForeignToken() {
        file(charge("204.3.1", ARREST_DAY));
        file(charge("167-3.1", date(2024, 1, 15)));
        String token = detentions.listCharges(ListChargesRequest.newBuilder().setParent(detention.getName())
                .setPageSize(1).build()).getNextPageToken();
        assertFalse(token.isEmpty());

        fails(Status.Code.NOT_FOUND, () -> detentions.listCharges(ListChargesRequest.newBuilder()
                .setParent("detentions/0190a0e0-0000-7000-8000-000000000000").build()));
        failsOnFields(() -> detentions.listCharges(ListChargesRequest.newBuilder().setParent(detention.getName())
                .setPageSize(-1).build()), "page_size");
        failsOnFields(() -> detentions.listCharges(ListChargesRequest.newBuilder().setParent(detention.getName())
                .setPageSize(1).setShowRetracted(true).setPageToken(token).build()), "page_token");
    }
}
