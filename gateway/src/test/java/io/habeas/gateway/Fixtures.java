package io.habeas.gateway;

import com.google.protobuf.Timestamp;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.RecordState;
import io.habeas.common.v1.Revision;
import io.habeas.common.v1.RevisionAction;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.Source;
import io.habeas.detention.v1.*;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.names.ChargeName;
import io.habeas.kernel.names.ClaimName;
import io.habeas.kernel.names.CourtEventName;
import io.habeas.kernel.names.CustodyEventName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.IncidentName;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.names.StatementName;
import io.habeas.statement.v1.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Proto records for the fake backends. A feed item carries its record's level, as the services set
 * it (there the most restrictive of the record, its detention and its person). Their resources have UUIDs, as the services issue them,
 * each derived from a readable label and the resource's kind (so "detentions/1" and
 * "statements/1" differ), and names built by the kernel's typed names.
 */
public final class Fixtures {

    private static final String TRACE_ID = "\"traceId\":\"[0-9a-f]{32}\"";

    /**
     * A problem body with its traceId, which every request has its own of, masked: two answers that must be the same
     * compare byte for byte. Fails if the body names no trace.
     */
    public static String sameForAnyTrace(String problem) {
        if (!problem.matches(".*" + TRACE_ID + ".*")) {
            throw new AssertionError("no traceId in " + problem);
        }
        return problem.replaceFirst(TRACE_ID, "\"traceId\":\"...\"");
    }

    public static final String PERSON = personName("ibadoglu");
    public static final AccessLevel PUBLIC = AccessLevel.ACCESS_LEVEL_PUBLIC;
    public static final AccessLevel RESTRICTED = AccessLevel.ACCESS_LEVEL_RESTRICTED;
    public static final AccessLevel CONFIDENTIAL = AccessLevel.ACCESS_LEVEL_CONFIDENTIAL;

    private Fixtures() {
    }

    /** The UUID of the fake resource of this kind with this label: the same label, the same id. */
    public static UUID id(Class<? extends Record> kind, String label) {
        return UUID.nameUUIDFromBytes((kind.getSimpleName() + ":" + label).getBytes(StandardCharsets.UTF_8));
    }

    /** A person's id as the gateway's paths and JSON show it: id("ibadoglu"). */
    public static String id(String person) {
        return id(PersonName.class, person).toString();
    }

    public static String personName(String label) {
        return PersonName.of(id(PersonName.class, label)).toString();
    }

    public static String detentionName(String label) {
        return DetentionName.of(id(DetentionName.class, label)).toString();
    }

    public static String custodyEventName(String detention, String label) {
        return CustodyEventName.of(DetentionName.of(id(DetentionName.class, detention)), id(CustodyEventName.class, label))
                .toString();
    }

    public static String courtEventName(String detention, String label) {
        return CourtEventName.of(DetentionName.of(id(DetentionName.class, detention)), id(CourtEventName.class, label))
                .toString();
    }

    public static String chargeName(String detention, String label) {
        return ChargeName.of(DetentionName.of(id(DetentionName.class, detention)), id(ChargeName.class, label)).toString();
    }

    public static String incidentName(String person, String label) {
        return IncidentName.of(PersonName.of(id(PersonName.class, person)), id(IncidentName.class, label)).toString();
    }

    public static String statementName(String label) {
        return StatementName.of(id(StatementName.class, label)).toString();
    }

    /** The one claim {@link #claim} puts in the statement with this label. */
    public static String claimName(String statement) {
        return claimOf(statementName(statement));
    }

    private static String claimOf(String statementName) {
        return ClaimName.of(StatementName.parse(statementName, "statement"), id(ClaimName.class, "1")).toString();
    }

    public static String actorName(String label) {
        return ActorName.of(id(ActorName.class, label)).toString();
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
                .setDetention(d).setAccessLevel(d.getAccessLevel()).build();
    }

    public static FeedItem custody(String name, String person, String country, String date, CustodyEventType type,
            AccessLevel access) {
        String detention = CustodyEventName.parse(name, "name").parent().toString();
        return FeedItem.newBuilder().setKind(FeedItemKind.FEED_ITEM_KIND_CUSTODY_EVENT).setDate(d(date)).setPerson(person)
                .setDetainingCountry(country).setDetentionName(detention).setAccessLevel(access)
                .setCustodyEvent(CustodyEvent.newBuilder().setName(name).setType(type).setOccurredOn(d(date))
                        .setDescription("event " + name).setAccessLevel(access).addSources(source("Report on " + name))
                        .addSources(secretSource()))
                .build();
    }

    /** A feed item of an incident, as detention-service gives it: under no detention, in its country's feed. */
    public static FeedItem incident(String name, String country, String date, IncidentType type, AccessLevel access) {
        String person = IncidentName.parse(name, "name").parent().toString();
        return FeedItem.newBuilder().setKind(FeedItemKind.FEED_ITEM_KIND_INCIDENT).setDate(d(date)).setPerson(person)
                .setDetainingCountry(country).setAccessLevel(access)
                .setIncident(Incident.newBuilder().setName(name).setType(type).setOccurredOn(d(date)).setCountry(country)
                        .setAuthority("State Border Service").setPlace("Heydar Aliyev International Airport")
                        .setDescription("incident " + name).setAccessLevel(access).addSources(source("Report on " + name))
                        .addSources(secretSource()))
                .build();
    }

    /** A court event's feed item, its level the item's. */
    public static FeedItem court(CourtEvent event, String person, String country) {
        String detention = CourtEventName.parse(event.getName(), "name").parent().toString();
        return FeedItem.newBuilder().setKind(FeedItemKind.FEED_ITEM_KIND_COURT_EVENT).setDate(event.getOccurredOn())
                .setPerson(person).setDetainingCountry(country).setDetentionName(detention).setCourtEvent(event)
                .setAccessLevel(event.getAccessLevel()).build();
    }

    public static CourtEvent.Builder courtEvent(String name, CourtEventType type, String date, AccessLevel access) {
        return CourtEvent.newBuilder().setName(name).setType(type).setOccurredOn(d(date))
                .setCourt("Baku Grave Crimes Court").setAccessLevel(access).addSources(source("Court report on " + name))
                .addSources(secretSource());
    }

    public static Charge charge(String name, String article, String date) {
        return Charge.newBuilder().setName(name).setJurisdiction("AZ")
                .setLegalCode("Criminal Code of the Republic of Azerbaijan").setArticleReference(article)
                .setArticle(azerbaijani(article))
                .setOffenceDescription("Counterfeit money").setFiledOn(d(date)).setStatus(ChargeStatus.CHARGE_STATUS_FILED)
                .setAccessLevel(PUBLIC).addSources(source("Charge")).build();
    }

    /** The structure detention-service reads from an Azerbaijani "204.3.1.2": article, part, clause, sub-clause. */
    public static ArticleReference azerbaijani(String reference) {
        String[] levels = java.util.Arrays.copyOf(reference.split("\\."), 4);
        return ArticleReference.newBuilder().setArticle(levels[0]).setPart(levels[1] == null ? "" : levels[1])
                .setClause(levels[2] == null ? "" : levels[2]).setSubclause(levels[3] == null ? "" : levels[3])
                .setStructureSource(ArticleStructureSource.ARTICLE_STRUCTURE_SOURCE_PARSED).build();
    }

    public static FeedItem chargeFiled(Charge c, String person, String country) {
        String detention = ChargeName.parse(c.getName(), "name").parent().toString();
        return FeedItem.newBuilder().setKind(FeedItemKind.FEED_ITEM_KIND_CHARGE_FILED).setDate(c.getFiledOn())
                .setPerson(person).setDetainingCountry(country).setDetentionName(detention).setCharge(c)
                .setAccessLevel(c.getAccessLevel()).build();
    }

    /** The person retracted, as GetPerson still answers it. */
    public static Person retracted(Person p) {
        return p.toBuilder().setState(RecordState.RECORD_STATE_RETRACTED).setRetractionReason("Entered in error").build();
    }

    /** A revision as the services record it: its effective level, who made it (a token subject), when. */
    public static Revision revision(String id, RevisionAction action, AccessLevel level, String time) {
        Revision.Builder r = Revision.newBuilder().setRevisionId(id).setAction(action).setAccessLevel(level)
                .setPrincipal("recorder-" + id + "@habeas.test").setRequestId("request-" + id)
                .setCreateTime(timestamp(time));
        if (action == RevisionAction.REVISION_ACTION_RETRACTED || action == RevisionAction.REVISION_ACTION_RESTORED) {
            r.setReason("Reason " + id);
        }
        return r.build();
    }

    public static Timestamp timestamp(String instant) {
        Instant i = Instant.parse(instant);
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    public static ClaimItem claim(String statement, String date, ClaimKind kind, String person, String actorCountry,
            List<String> subjectCountries, String addressee, AccessLevel access) {
        String name = claimOf(statement);
        Claim.Builder claim = Claim.newBuilder().setName(name).setKind(kind)
                .setText("claim of " + statement).addAllSubjectCountries(subjectCountries).setAddresseeCountry(addressee);
        if (person != null) {
            claim.addSubjectPersons(person);
        }
        Statement s = Statement.newBuilder().setName(statement).setActor(actorName("blinken")).setActorCountry(actorCountry)
                .setMadeOn(d(date)).setTitle("Statement " + statement).setSummary("summary of " + statement)
                .addClaims(claim).setAccessLevel(access).addSources(source("Readout " + statement)).build();
        return ClaimItem.newBuilder().setStatement(s).setClaim(name).build();
    }
}
