package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.common.v1.DateRange;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.ArticleCount;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.GetCountryStatisticsRequest;
import io.habeas.detention.v1.GetCountryStatisticsResponse;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.MonthlyCount;
import io.habeas.detention.v1.RetractDetentionRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CountryStatisticsGrpcTest extends GrpcTest {
    private static final String RU_CODE = "Criminal Code of the Russian Federation";
    private Detention ibadoglu;
    private Detention released;
    private Detention yashin;

    @BeforeEach
    void recordAzerbaijaniAndRussianDetentions() {
        ibadoglu = createDetention(arrest(createPerson(person("Gubad Ibadoglu", "AZ")).getName(), date(2023, 7, 23)));
        released = createDetention(arrest(createPerson(person("Bahruz Samadov", "AZ")).getName(), date(2024, 1, 10)));
        Detention yearOnly = createDetention(arrest(createPerson(person("Tofig Yagublu", "AZ")).getName(), date(2023, 0, 0)));
        yashin = createDetention(arrest(createPerson(person("Ilya Yashin", "RU")).getName(), date(2022, 6, 27))
                .setDetainingCountry("RU"));
        Detention retracted = createDetention(arrest(createPerson(person("Recorded In Error", "AZ")).getName(), date(2023, 7, 1)));
        detentions.retractDetention(RetractDetentionRequest.newBuilder().setName(retracted.getName())
                .setEtag(retracted.getEtag()).setReason("Duplicate").setRequestId(requestId()).build());

        addEvent(released, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 5, 2)));
        fileCharge(ibadoglu, "204.3.1");
        fileCharge(ibadoglu, "167-3.1");
        fileCharge(yearOnly, "204.3.1");
        fileCharge(released, "204.2");
    }

    private void fileCharge(Detention detention, String article) {
        addCharge(detention, charge(article, date(2024, 1, 10)));
    }

    private static MonthlyCount month(int year, int month, int started, int released) {
        return MonthlyCount.newBuilder().setYear(year).setMonth(month).setNewDetentions(started).setReleases(released).build();
    }

    @Test
    void countsHeldNowMonthsAndArticlesOfActiveDetentionsOnly() {
        GetCountryStatisticsResponse az = detentions.getCountryStatistics(GetCountryStatisticsRequest.newBuilder()
                .setDetainingCountry("AZ").build());

        assertEquals(2, az.getHeldNow());
        assertEquals(List.of(month(2023, 0, 1, 0), month(2023, 7, 1, 0), month(2024, 1, 1, 0), month(2024, 5, 0, 1)),
                az.getMonthlyList());
        assertEquals(List.of(
                ArticleCount.newBuilder().setJurisdiction("AZ").setLegalCode("Criminal Code of the Republic of Azerbaijan")
                        .setArticle("204").setChargeCount(3).setPersonCount(3).build(),
                ArticleCount.newBuilder().setJurisdiction("AZ").setLegalCode("Criminal Code of the Republic of Azerbaijan")
                        .setArticle("167-3").setChargeCount(1).setPersonCount(1).build()), az.getArticlesList());
    }

    @Test
    void azerbaijaniPartsAndClausesCountUnderTheirArticle() {
        GetCountryStatisticsResponse az = detentions.getCountryStatistics(GetCountryStatisticsRequest.newBuilder()
                .setDetainingCountry("AZ").build());

        assertEquals(List.of("204", "167-3"), az.getArticlesList().stream().map(ArticleCount::getArticle).toList(),
                "204.3.1 twice and 204.2 are article 204");
    }

    @Test
    void aRussianArticleWithADotIsCountedApartFromTheArticleBeforeTheDot() {
        Detention karaMurza = createDetention(arrest(createPerson(person("Vladimir Kara-Murza", "RU")).getName(),
                date(2022, 4, 11)).setDetainingCountry("RU"));
        addCharge(yashin, charge("284.1", date(2022, 7, 1)).setJurisdiction("RU").setLegalCode(RU_CODE));
        addCharge(yashin, charge("284", date(2022, 7, 1)).setJurisdiction("RU").setLegalCode(RU_CODE));
        addCharge(karaMurza, charge("ч. 1 ст. 284.1", date(2022, 7, 1)).setJurisdiction("RU").setLegalCode(RU_CODE));
        addCharge(karaMurza, charge("part 1 of article 284", date(2022, 7, 1)).setJurisdiction("RU").setLegalCode(RU_CODE));

        GetCountryStatisticsResponse ru = detentions.getCountryStatistics(GetCountryStatisticsRequest.newBuilder()
                .setDetainingCountry("RU").build());

        assertEquals(List.of(
                ArticleCount.newBuilder().setJurisdiction("RU").setLegalCode(RU_CODE).setArticle("284")
                        .setChargeCount(2).setPersonCount(2).build(),
                ArticleCount.newBuilder().setJurisdiction("RU").setLegalCode(RU_CODE).setArticle("284.1")
                        .setChargeCount(2).setPersonCount(2).build()), ru.getArticlesList());
    }

    @Test
    void aDateRangeKeepsTheMonthsThatOverlapIt() {
        GetCountryStatisticsResponse in2024 = detentions.getCountryStatistics(GetCountryStatisticsRequest.newBuilder()
                .setDetainingCountry("AZ")
                .setDateRange(DateRange.newBuilder().setStart(date(2024, 0, 0)).setEnd(date(2024, 12, 0)))
                .setArticleLimit(1).build());

        assertEquals(List.of(month(2024, 1, 1, 0), month(2024, 5, 0, 1)), in2024.getMonthlyList());
        assertEquals(1, in2024.getArticlesCount());
    }

    @Test
    void ongoingOnlyListsDetentionsWithoutAFinalEvent() {
        List<String> ongoing = detentions.listDetentions(ListDetentionsRequest.newBuilder().setDetainingCountry("AZ")
                .setOngoingOnly(true).build()).getDetentionsList().stream().map(Detention::getName).toList();

        assertEquals(2, ongoing.size());
        assertEquals(true, ongoing.contains(ibadoglu.getName()));
        assertEquals(false, ongoing.contains(released.getName()));
    }

    @Test
    void rejectsAMissingOrUnknownCountryAndANegativeLimit() {
        failsOnFields(() -> detentions.getCountryStatistics(GetCountryStatisticsRequest.newBuilder().build()),
                "detaining_country");
        failsOnFields(() -> detentions.getCountryStatistics(GetCountryStatisticsRequest.newBuilder()
                .setDetainingCountry("XK1").build()), "detaining_country");
        failsOnFields(() -> detentions.getCountryStatistics(GetCountryStatisticsRequest.newBuilder()
                .setDetainingCountry("AZ").setArticleLimit(-1).build()), "article_limit");
    }
}
