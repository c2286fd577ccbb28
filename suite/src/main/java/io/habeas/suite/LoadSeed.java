package io.habeas.suite;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
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
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementMedium;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.StatementServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Synthetic volume for the load harness (bench/run-load): persons detained by AZ, each with
 * custody events and charges, and statements calling for their release. Clearly fake names;
 * fixed request ids, so seeding twice adds nothing.
 */
public final class LoadSeed {
    private static final String[] ARTICLES = {"204.3.1", "167-3.1", "228.2", "283.2.3", "206.3.2"};
    private static final CustodyEventType[] EVENTS = {CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION,
            CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER,
            CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, CustodyEventType.CUSTODY_EVENT_TYPE_HOUSE_ARREST};

    private LoadSeed() {
    }

    public static void main(String[] args) throws InterruptedException {
        int persons = Integer.parseInt(args.length > 0 ? args[0] : "300");
        Ports ports = Ports.fromEnvironment();
        ManagedChannel detention = ManagedChannelBuilder.forAddress("localhost", ports.detention()).usePlaintext().build();
        ManagedChannel statement = ManagedChannelBuilder.forAddress("localhost", ports.statement()).usePlaintext().build();
        // a recorder's token, signed with the run command's development key
        var bearer = DevTokens.bearer(DevTokens.existing(Suite.dataFolder(Suite.findRoot()))
                .forPerson(Role.RECORDER, Duration.ofHours(1)));
        try {
            var personStub = PersonServiceGrpc.newBlockingStub(detention).withInterceptors(bearer);
            var detentionStub = DetentionServiceGrpc.newBlockingStub(detention).withInterceptors(bearer);
            var statementStub = StatementServiceGrpc.newBlockingStub(statement).withInterceptors(bearer);
            Actor speaker = ActorServiceGrpc.newBlockingStub(statement).withInterceptors(bearer).createActor(CreateActorRequest.newBuilder()
                    .setRequestId(id("actor")).setActor(Actor.newBuilder().setDisplayName("Load Test Rapporteur")
                            .setKind(ActorKind.ACTOR_KIND_INTERNATIONAL_BODY).setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                            .addSources(DemoCase.articleA()))
                    .build()).getActor();
            for (int i = 0; i < persons; i++) {
                Person person = personStub.createPerson(CreatePersonRequest.newBuilder().setRequestId(id("person-" + i))
                        .setPerson(Person.newBuilder().setDisplayName("Load Test Detainee " + i).addCitizenships("AZ")
                                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(DemoCase.articleA()))
                        .build()).getPerson();
                int year = 2015 + i % 9;
                Detention d = detentionStub.createDetention(CreateDetentionRequest.newBuilder().setRequestId(id("detention-" + i))
                        .setDetention(Detention.newBuilder().setPerson(person.getName()).setDetainingCountry("AZ")
                                .setStartDate(date(year, 1 + i % 12, 1 + i % 28))
                                .setInitialStatus(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY)
                                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(DemoCase.articleA()))
                        .build()).getDetention();
                for (int e = 0; e < EVENTS.length; e++) {
                    detentionStub.createCustodyEvent(CreateCustodyEventRequest.newBuilder().setRequestId(id("event-" + i + "-" + e))
                            .setParent(d.getName()).setCustodyEvent(CustodyEvent.newBuilder().setType(EVENTS[e])
                                    .setOccurredOn(date(year + 1, 1 + e * 2, e % 2 == 0 ? 0 : 15))
                                    .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(DemoCase.articleA()))
                            .build());
                }
                for (int c = 0; c < 2; c++) {
                    detentionStub.createCharge(CreateChargeRequest.newBuilder().setRequestId(id("charge-" + i + "-" + c))
                            .setParent(d.getName()).setCharge(Charge.newBuilder().setJurisdiction("AZ")
                                    .setLegalCode("Criminal Code of the Republic of Azerbaijan")
                                    .setArticleReference(ARTICLES[(i + c) % ARTICLES.length]).setFiledOn(date(year, 0, 0))
                                    .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(DemoCase.articleA()))
                            .build());
                }
                statementStub.createStatement(CreateStatementRequest.newBuilder().setRequestId(id("statement-" + i))
                        .setStatement(Statement.newBuilder().setActor(speaker.getName()).setMadeOn(date(year + 1, 6, 0))
                                .setMedium(StatementMedium.STATEMENT_MEDIUM_REPORT).setTitle("Report " + i)
                                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(DemoCase.articleA())
                                .addClaims(Claim.newBuilder().setKind(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE)
                                        .addSubjectPersons(person.getName()).setAddresseeCountry("AZ")
                                        .setText("Calls for the release of " + person.getDisplayName())))
                        .build());
                if (i % 50 == 49) {
                    SuiteMain.progress("Seeded " + (i + 1) + " persons");
                }
            }
        } finally {
            detention.shutdown().awaitTermination(5, TimeUnit.SECONDS);
            statement.shutdown().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static PartialDate date(int year, int month, int day) {
        return PartialDate.newBuilder().setYear(year).setMonth(month).setDay(day).build();
    }

    private static String id(String step) {
        return UUID.nameUUIDFromBytes(("habeas-load/" + step).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
