package io.habeas.detention.support;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.Source;
import io.habeas.detention.v1.Alias;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.Person;
import java.util.UUID;

/** Valid requests to start from; each test changes what it is about. */
public final class Fixtures {
    public static final String AZ_CRIMINAL_CODE = "Criminal Code of the Republic of Azerbaijan";

    private Fixtures() {
    }

    public static String requestId() {
        return UUID.randomUUID().toString();
    }

    public static PartialDate date(int year, int month, int day) {
        return PartialDate.newBuilder().setYear(year).setMonth(month).setDay(day).build();
    }

    public static Source source() {
        return Source.newBuilder()
                .setPublisher("JAMnews")
                .setTitle("Blinken Advances Peace Talks with Armenia and Azerbaijan")
                .setUrl("https://jam-news.net/blinken-armenia-azerbaijan")
                .setPublishedOn(date(2024, 4, 28))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                .build();
    }

    public static Person.Builder ibadoglu() {
        return Person.newBuilder()
                .setDisplayName("Gubad Ibadoglu")
                .addAliases(Alias.newBuilder().setName("Qubad İbadoğlu").setLanguageCode("az"))
                .addAliases(Alias.newBuilder().setName("Губад Ибадоглу").setLanguageCode("ru"))
                .addCitizenships("AZ")
                .setDescription("Azerbaijani economist and opposition politician")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                .addSources(source());
    }

    public static Person.Builder person(String name, String citizenship) {
        return Person.newBuilder().setDisplayName(name).addCitizenships(citizenship).addSources(source());
    }

    public static Detention.Builder arrest(String person, PartialDate start) {
        return Detention.newBuilder()
                .setPerson(person)
                .setDetainingCountry("AZ")
                .setAuthority("Main Police Department of Baku")
                .setPlace("Baku")
                .setStartDate(start)
                .setInitialStatus(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY)
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                .addSources(source());
    }

    public static CustodyEvent.Builder event(CustodyEventType type, PartialDate occurredOn) {
        return CustodyEvent.newBuilder().setType(type).setOccurredOn(occurredOn).addSources(source());
    }

    public static Charge.Builder charge(String article, PartialDate filedOn) {
        return Charge.newBuilder()
                .setJurisdiction("AZ")
                .setLegalCode(AZ_CRIMINAL_CODE)
                .setArticleReference(article)
                .setFiledOn(filedOn)
                .addSources(source());
    }
}
