package io.habeas.suite;

import static io.habeas.suite.DemoCase.date;

import io.grpc.Channel;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.Source;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.CreateChargeRequest;
import io.habeas.detention.v1.CreateCustodyEventRequest;
import io.habeas.detention.v1.CreateDetentionRequest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.detention.v1.RetractCustodyEventRequest;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.RetractStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementMedium;
import io.habeas.statement.v1.StatementServiceGrpc;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Made-up records at every access level, recorded by an admin: three persons held by "BY", one of
 * them with a CONFIDENTIAL release and a CONFIDENTIAL source on a PUBLIC detention, two actors of
 * "LT" (one CONFIDENTIAL) and four calls for release, one about the CONFIDENTIAL person; then, at
 * each level, a custody event of the PUBLIC person's detention and a call for their release, both
 * retracted at once (eGonePub, sGonePub, ...Res, ...Conf), which no read shows. Each record has a
 * label; {@link #level} is the level that decides who sees it.
 */
final class AccessMatrix {
    static final String DETAINING = "BY";
    static final String SPEAKING = "LT";

    /** Label -> resource name, in recording order. */
    final Map<String, String> names = new LinkedHashMap<>();
    /** Label -> effective level: the most restrictive of the record and all it involves. */
    final Map<String, AccessLevel> level = new LinkedHashMap<>();

    private final PersonServiceGrpc.PersonServiceBlockingStub persons;
    private final DetentionServiceGrpc.DetentionServiceBlockingStub detentions;
    private final ActorServiceGrpc.ActorServiceBlockingStub actors;
    private final StatementServiceGrpc.StatementServiceBlockingStub statements;

    private AccessMatrix(Channel detention, Channel statement) {
        persons = PersonServiceGrpc.newBlockingStub(detention);
        detentions = DetentionServiceGrpc.newBlockingStub(detention);
        actors = ActorServiceGrpc.newBlockingStub(statement);
        statements = StatementServiceGrpc.newBlockingStub(statement);
    }

    /** What is done once the persons and actors exist, before anything is recorded about them. */
    @FunctionalInterface
    interface OnceSubjectsExist {
        void accept(AccessMatrix subjects) throws Exception;
    }

    /** Records the matrix through channels that carry an admin's token. */
    static AccessMatrix record(Channel detentionAsAdmin, Channel statementAsAdmin) throws Exception {
        return record(detentionAsAdmin, statementAsAdmin, subjects -> {
        });
    }

    /**
     * Records the matrix through channels that carry an admin's token: the persons and actors first,
     * then, once {@code onceSubjectsExist} has returned (live watches opened on them see everything
     * after), the records about them.
     */
    static AccessMatrix record(Channel detentionAsAdmin, Channel statementAsAdmin, OnceSubjectsExist onceSubjectsExist)
            throws Exception {
        AccessMatrix m = new AccessMatrix(detentionAsAdmin, statementAsAdmin);
        m.person("pPub", "Matrix Public Person", AccessLevel.ACCESS_LEVEL_PUBLIC);
        m.person("pRes", "Matrix Restricted Person", AccessLevel.ACCESS_LEVEL_RESTRICTED);
        m.person("pConf", "Matrix Confidential Person", AccessLevel.ACCESS_LEVEL_CONFIDENTIAL);
        m.actor("aPub", "Matrix Ministry", AccessLevel.ACCESS_LEVEL_PUBLIC);
        m.actor("aConf", "Matrix Insider", AccessLevel.ACCESS_LEVEL_CONFIDENTIAL);
        onceSubjectsExist.accept(m);
        m.detention("dPub", "pPub", date(2024, 3, 0), AccessLevel.ACCESS_LEVEL_PUBLIC, source("Matrix Gazette",
                AccessLevel.ACCESS_LEVEL_PUBLIC), source("Matrix informant", AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        m.detention("dRes", "pRes", date(2024, 5, 0), AccessLevel.ACCESS_LEVEL_RESTRICTED, source("Matrix Gazette", null));
        m.detention("dConf", "pConf", date(2024, 2, 0), AccessLevel.ACCESS_LEVEL_CONFIDENTIAL, source("Matrix Gazette", null));
        m.event("ePre", "dPub", CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2024, 4, 0),
                AccessLevel.ACCESS_LEVEL_PUBLIC);
        m.event("eRel", "dPub", CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 6, 0),
                AccessLevel.ACCESS_LEVEL_CONFIDENTIAL);
        m.charge("cPub", "dPub", "193", AccessLevel.ACCESS_LEVEL_PUBLIC);
        m.charge("cRes", "dPub", "342", AccessLevel.ACCESS_LEVEL_RESTRICTED);
        m.callForRelease("s1", "aPub", date(2024, 7, 0), AccessLevel.ACCESS_LEVEL_PUBLIC, "pPub");
        m.callForRelease("s2", "aConf", date(2024, 8, 0), AccessLevel.ACCESS_LEVEL_PUBLIC, "pPub");
        m.callForRelease("s3", "aPub", date(2024, 9, 0), AccessLevel.ACCESS_LEVEL_PUBLIC, "pConf");
        m.callForRelease("s4", "aPub", date(2024, 10, 0), AccessLevel.ACCESS_LEVEL_RESTRICTED, "pPub", "pRes");
        m.recordAndRetract();
        return m;
    }

    /** The retracted records: each level's custody event and call, then their retractions, the most restricted first. */
    private void recordAndRetract() {
        List<Runnable> retractions = new ArrayList<>();
        for (AccessLevel accessLevel : List.of(AccessLevel.ACCESS_LEVEL_PUBLIC, AccessLevel.ACCESS_LEVEL_RESTRICTED,
                AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)) {
            String suffix = switch (accessLevel) {
                case ACCESS_LEVEL_PUBLIC -> "Pub";
                case ACCESS_LEVEL_RESTRICTED -> "Res";
                default -> "Conf";
            };
            CustodyEvent event = event("eGone" + suffix, "dPub", CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER,
                    date(2024, 5, 0), accessLevel);
            Statement call = callForRelease("sGone" + suffix, "aPub", date(2024, 11, 0), accessLevel, "pPub");
            retractions.add(0, () -> {
                detentions.retractCustodyEvent(RetractCustodyEventRequest.newBuilder().setName(event.getName())
                        .setEtag(event.getEtag()).setReason("Recorded in error").setRequestId(requestId()).build());
                statements.retractStatement(RetractStatementRequest.newBuilder().setName(call.getName())
                        .setEtag(call.getEtag()).setReason("Recorded in error").setRequestId(requestId()).build());
            });
        }
        retractions.forEach(Runnable::run);
    }

    String name(String label) {
        return names.get(label);
    }

    /** The part of a name after its collection: the id a REST path takes. */
    String id(String label) {
        String name = name(label);
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** The most restricted level a role reads. */
    static AccessLevel reads(Role role) {
        return AccessLevel.forNumber(role.clearance().ordinal() + 1);
    }

    /** The labels among these that the role sees, in order. */
    Set<String> expected(Role role, String... labels) {
        return new TreeSet<>(seen(reads(role), labels));
    }

    /** The labels of these resource names, in order. */
    Set<String> labels(Collection<String> resourceNames) {
        return resourceNames.stream().map(this::label).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The resource name of a feed item's record. */
    static String recordOf(FeedItem item) {
        return switch (item.getRecordCase()) {
            case DETENTION -> item.getDetention().getName();
            case CUSTODY_EVENT -> item.getCustodyEvent().getName();
            case CHARGE -> item.getCharge().getName();
            default -> "?" + item.getRecordCase();
        };
    }

    /** The labels among these that a reader cleared up to {@code reads} sees. */
    List<String> seen(AccessLevel reads, String... labels) {
        return List.of(labels).stream().filter(l -> level.get(l).getNumber() <= reads.getNumber()).toList();
    }

    /** The label of a resource name: the longest recorded name it starts with ("detentions/x/custodyEvents/y" is ePre, not dPub). */
    String label(String resourceName) {
        return names.entrySet().stream().filter(e -> resourceName.equals(e.getValue()) || resourceName.startsWith(e.getValue() + "/"))
                .max((a, b) -> Integer.compare(a.getValue().length(), b.getValue().length()))
                .map(Map.Entry::getKey).orElse("?" + resourceName);
    }

    private void person(String label, String displayName, AccessLevel accessLevel) {
        Person person = persons.createPerson(CreatePersonRequest.newBuilder().setRequestId(requestId())
                .setPerson(Person.newBuilder().setDisplayName(displayName).addCitizenships(DETAINING)
                        .setAccessLevel(accessLevel).addSources(source("Matrix Gazette", null)))
                .build()).getPerson();
        keep(label, person.getName(), accessLevel);
    }

    private void detention(String label, String person, PartialDate start, AccessLevel accessLevel, Source... sources) {
        Detention detention = detentions.createDetention(CreateDetentionRequest.newBuilder().setRequestId(requestId())
                .setDetention(Detention.newBuilder().setPerson(name(person)).setDetainingCountry(DETAINING)
                        .setStartDate(start).setInitialStatus(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY)
                        .setAccessLevel(accessLevel).addAllSources(List.of(sources)))
                .build()).getDetention();
        keep(label, detention.getName(), accessLevel, level.get(person));
    }

    private CustodyEvent event(String label, String detention, CustodyEventType type, PartialDate on, AccessLevel accessLevel) {
        CustodyEvent event = detentions.createCustodyEvent(CreateCustodyEventRequest.newBuilder().setRequestId(requestId())
                .setParent(name(detention))
                .setCustodyEvent(CustodyEvent.newBuilder().setType(type).setOccurredOn(on).setAccessLevel(accessLevel)
                        .addSources(source("Matrix Gazette", null)))
                .build()).getCustodyEvent();
        keep(label, event.getName(), accessLevel, level.get(detention));
        return event;
    }

    private void charge(String label, String detention, String article, AccessLevel accessLevel) {
        Charge charge = detentions.createCharge(CreateChargeRequest.newBuilder().setRequestId(requestId())
                .setParent(name(detention))
                .setCharge(Charge.newBuilder().setJurisdiction(DETAINING).setLegalCode("Criminal Code of the matrix")
                        .setArticleReference(article).setFiledOn(date(2024, 3, 0)).setAccessLevel(accessLevel)
                        .addSources(source("Matrix Gazette", null)))
                .build()).getCharge();
        keep(label, charge.getName(), accessLevel, level.get(detention));
    }

    private void actor(String label, String displayName, AccessLevel accessLevel) {
        Actor actor = actors.createActor(CreateActorRequest.newBuilder().setRequestId(requestId())
                .setActor(Actor.newBuilder().setDisplayName(displayName).setKind(ActorKind.ACTOR_KIND_GOVERNMENT_BODY)
                        .setCountry(SPEAKING).setAccessLevel(accessLevel).addSources(source("Matrix Gazette", null)))
                .build()).getActor();
        keep(label, actor.getName(), accessLevel);
    }

    private Statement callForRelease(String label, String actor, PartialDate madeOn, AccessLevel accessLevel, String... about) {
        Claim.Builder claim = Claim.newBuilder().setKind(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE).addSubjectCountries(DETAINING)
                .setText("Release them.");
        AccessLevel[] involved = new AccessLevel[about.length + 2];
        involved[0] = accessLevel;
        involved[1] = level.get(actor);
        for (int i = 0; i < about.length; i++) {
            claim.addSubjectPersons(name(about[i]));
            involved[i + 2] = level.get(about[i]);
        }
        Statement statement = statements.createStatement(CreateStatementRequest.newBuilder().setRequestId(requestId())
                .setStatement(Statement.newBuilder().setActor(name(actor)).setMadeOn(madeOn)
                        .setMedium(StatementMedium.STATEMENT_MEDIUM_PRESS_RELEASE).setTitle("Matrix call " + label)
                        .setAccessLevel(accessLevel).addSources(source("Matrix Gazette", null)).addClaims(claim))
                .build()).getStatement();
        keep(label, statement.getName(), involved);
        return statement;
    }

    private void keep(String label, String name, AccessLevel... involved) {
        names.put(label, name);
        AccessLevel most = AccessLevel.ACCESS_LEVEL_PUBLIC;
        for (AccessLevel l : involved) {
            most = l.getNumber() > most.getNumber() ? l : most;
        }
        level.put(label, most);
    }

    static Source source(String publisher, AccessLevel accessLevel) {
        Source.Builder source = Source.newBuilder().setPublisher(publisher).setTitle("Made up for the access matrix");
        return accessLevel == null ? source.build() : source.setAccessLevel(accessLevel).build();
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }
}
