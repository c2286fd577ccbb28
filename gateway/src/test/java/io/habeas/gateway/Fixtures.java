package io.habeas.gateway;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.Source;
import io.habeas.detention.v1.*;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.Statement;
import java.util.List;

/** Proto records for the fake backends. */
public final class Fixtures {

    public static final String PERSON = "persons/ibadoglu";
    public static final AccessLevel PUBLIC = AccessLevel.ACCESS_LEVEL_PUBLIC;
    public static final AccessLevel CONFIDENTIAL = AccessLevel.ACCESS_LEVEL_CONFIDENTIAL;

    private Fixtures() {
    }

    public static PartialDate d(String text) {
        String[] p = text.split("-");
        return PartialDate.newBuilder().setYear(Integer.parseInt(p[0])).setMonth(p.length > 1 ? Integer.parseInt(p[1]) : 0)
                .setDay(p.length > 2 ? Integer.parseInt(p[2]) : 0).build();
    }

    public static Source source(String title) {
        return Source.newBuilder().setPublisher("JAMnews").setTitle(title).setUrl("https://jam-news.net/x")
                .setAccessLevel(PUBLIC).build();
    }

    public static Source secretSource() {
        return Source.newBuilder().setPublisher("Informant").setTitle("Secret note").setAccessLevel(CONFIDENTIAL).build();
    }

    public static Person person(String name, String displayName, AccessLevel access) {
        return Person.newBuilder().setName(name).setDisplayName(displayName).addCitizenships("AZ")
                .addAliases(Alias.newBuilder().setName("Qubad İbadoğlu").setLanguageCode("az"))
                .setAccessLevel(access).addSources(source("Profile")).build();
    }

    public static Detention detention(String name, String person, String country, String start, CustodyStatus status,
            boolean ongoing, int days, AccessLevel access) {
        return Detention.newBuilder().setName(name).setPerson(person).setDetainingCountry(country)
                .setAuthority("State Security Service").setPlace("Baku").setStartDate(d(start))
                .setInitialStatus(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY).setCurrentStatus(status).setOngoing(ongoing)
                .setDaysInCustody(days).setAccessLevel(access).addSources(source("Arrest report")).build();
    }

    public static FeedItem started(Detention d) {
        return FeedItem.newBuilder().setKind(FeedItemKind.FEED_ITEM_KIND_DETENTION_STARTED).setDate(d.getStartDate())
                .setPerson(d.getPerson()).setDetainingCountry(d.getDetainingCountry()).setDetentionName(d.getName())
                .setDetention(d).build();
    }

    public static FeedItem custody(String name, String person, String country, String date, CustodyEventType type,
            AccessLevel access) {
        String detention = name.substring(0, name.indexOf("/custodyEvents"));
        return FeedItem.newBuilder().setKind(FeedItemKind.FEED_ITEM_KIND_CUSTODY_EVENT).setDate(d(date)).setPerson(person)
                .setDetainingCountry(country).setDetentionName(detention)
                .setCustodyEvent(CustodyEvent.newBuilder().setName(name).setType(type).setOccurredOn(d(date))
                        .setDescription("event " + name).setAccessLevel(access).addSources(source("Report on " + name))
                        .addSources(secretSource()))
                .build();
    }

    public static Charge charge(String name, String article, String date) {
        return Charge.newBuilder().setName(name).setJurisdiction("AZ")
                .setLegalCode("Criminal Code of the Republic of Azerbaijan").setArticleReference(article)
                .setArticle(ArticleReference.newBuilder().setArticle(article.split("\\.")[0])
                        .setPart(article.split("\\.").length > 1 ? article.split("\\.")[1] : ""))
                .setOffenceDescription("Counterfeit money").setFiledOn(d(date)).setStatus(ChargeStatus.CHARGE_STATUS_FILED)
                .setAccessLevel(PUBLIC).addSources(source("Charge")).build();
    }

    public static FeedItem chargeFiled(Charge c, String person, String country) {
        String detention = c.getName().substring(0, c.getName().indexOf("/charges"));
        return FeedItem.newBuilder().setKind(FeedItemKind.FEED_ITEM_KIND_CHARGE_FILED).setDate(c.getFiledOn())
                .setPerson(person).setDetainingCountry(country).setDetentionName(detention).setCharge(c).build();
    }

    public static ClaimItem claim(String statement, String date, ClaimKind kind, String person, String actorCountry,
            List<String> subjectCountries, String addressee, AccessLevel access) {
        Claim.Builder claim = Claim.newBuilder().setName(statement + "/claims/1").setKind(kind)
                .setText("claim of " + statement).addAllSubjectCountries(subjectCountries).setAddresseeCountry(addressee);
        if (person != null) {
            claim.addSubjectPersons(person);
        }
        Statement s = Statement.newBuilder().setName(statement).setActor("actors/blinken").setActorCountry(actorCountry)
                .setMadeOn(d(date)).setTitle("Statement " + statement).setSummary("summary of " + statement)
                .addClaims(claim).setAccessLevel(access).addSources(source("Readout " + statement)).build();
        return ClaimItem.newBuilder().setStatement(s).setClaim(statement + "/claims/1").build();
    }
}
