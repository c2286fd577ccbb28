package io.habeas.statement.watch;

import static io.habeas.statement.support.Fixtures.actor;
import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.RecordState;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.ChangeKind;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.ListPersonClaimsRequest;
import io.habeas.statement.v1.RetractStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.WatchClaimsAboutPersonsResponse;
import io.habeas.statement.v1.WatchCountryClaimsResponse;
import io.habeas.statement.v1.WatchCountryStatementsResponse;
import io.habeas.statement.v1.WatchPersonClaimsResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each watch RPC sends what its List RPC would show changing: added, corrected, retracted; and resumes losing nothing. */
@QuarkusTest
class ClaimWatchGrpcTest extends ClaimWatchTest {
    private static final Duration QUIET = Duration.ofMillis(2500);
    private Actor blinken;
    private String ibadoglu;

    @BeforeEach
    void recordTheSpeaker() {
        blinken = createActor(blinken());
        ibadoglu = detention.knownPerson();
    }

    private Statement callForRelease(String person, String country) {
        var call = claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for his full release").addSubjectPersons(person);
        if (country != null) {
            call.addSubjectCountries(country);
        }
        return createStatement(statement(blinken.getName(), date(2024, 4, 0), "Call with President Aliyev").addClaims(call));
    }

    private Statement retract(Statement statement) {
        return statements.retractStatement(RetractStatementRequest.newBuilder().setName(statement.getName())
                .setEtag(statement.getEtag()).setReason("Recorded twice").setRequestId(requestId()).build()).getStatement();
    }

    @Test
    void aPersonsClaimIsAddedCorrectedAndRetractedAsTheListShowsIt() {
        var watching = watchPerson(Role.VIEWER, ibadoglu, "");

        Statement stored = callForRelease(ibadoglu, null);
        WatchPersonClaimsResponse added = watching.next();
        assertEquals(ChangeKind.CHANGE_KIND_ADDED, added.getChange().getKind());
        assertEquals(statementsAs(Role.VIEWER).listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(ibadoglu).build())
                .getItems(0), added.getChange().getItem(), "the item as ListPersonClaims shows it");

        Statement corrected = updateStatement(stored.toBuilder().setTitle("Call readout"), "title");
        WatchPersonClaimsResponse correction = watching.next();
        assertEquals(ChangeKind.CHANGE_KIND_CORRECTED, correction.getChange().getKind());
        assertEquals("Call readout", correction.getChange().getItem().getStatement().getTitle());
        assertEquals(stored.getClaims(0).getName(), correction.getChange().getItem().getClaim());

        retract(corrected);
        WatchPersonClaimsResponse retraction = watching.next();
        assertEquals(ChangeKind.CHANGE_KIND_RETRACTED, retraction.getChange().getKind());
        assertEquals(RecordState.RECORD_STATE_RETRACTED, retraction.getChange().getItem().getStatement().getState());
        assertNotEquals(added.getResumeToken(), retraction.getResumeToken());
        watching.nothingWithin(QUIET);
    }

    @Test
    void aStatementsCorrectionCorrectsEachOfItsClaimsAndADroppedClaimIsRetracted() {
        var watching = watchPerson(Role.VIEWER, ibadoglu, "");
        Statement stored = createStatement(statement(blinken.getName(), date(2024, 4, 0), "Call with President Aliyev")
                .addClaims(claim(ClaimKind.CLAIM_KIND_WELCOME, "Welcomed the house arrest").addSubjectPersons(ibadoglu))
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for full release").addSubjectPersons(ibadoglu)));
        assertEquals(List.of(ChangeKind.CHANGE_KIND_ADDED, ChangeKind.CHANGE_KIND_ADDED),
                watching.next(2).stream().map(r -> r.getChange().getKind()).toList());

        updateStatement(stored.toBuilder().setMadeOn(date(2024, 4, 22)), "made_on");
        List<WatchPersonClaimsResponse> corrections = watching.next(2);
        corrections.forEach(r -> {
            assertEquals(ChangeKind.CHANGE_KIND_CORRECTED, r.getChange().getKind());
            assertEquals(22, r.getChange().getItem().getStatement().getMadeOn().getDay(), "placed by its new date");
        });
        watching.nothingWithin(QUIET);

        Statement current = statements.getStatement(io.habeas.statement.v1.GetStatementRequest.newBuilder()
                .setName(stored.getName()).build()).getStatement();
        updateStatement(current.toBuilder().removeClaims(0), "claims");
        List<WatchPersonClaimsResponse> changes = watching.next(2);
        WatchPersonClaimsResponse dropped = changes.stream()
                .filter(r -> r.getChange().getItem().getClaim().equals(stored.getClaims(0).getName())).findFirst().orElseThrow();
        assertEquals(ChangeKind.CHANGE_KIND_RETRACTED, dropped.getChange().getKind());
        WatchPersonClaimsResponse kept = changes.stream()
                .filter(r -> r.getChange().getItem().getClaim().equals(stored.getClaims(1).getName())).findFirst().orElseThrow();
        assertEquals(ChangeKind.CHANGE_KIND_CORRECTED, kept.getChange().getKind());
        assertEquals(1, kept.getChange().getItem().getStatement().getClaimsCount());
    }

    @Test
    void aCorrectionThatChangesNothingSendsNothing() {
        var watching = watchPerson(Role.VIEWER, ibadoglu, "");
        Statement stored = callForRelease(ibadoglu, null);
        watching.next();

        updateStatement(stored.toBuilder(), "title");
        watching.nothingWithin(QUIET);
    }

    @Test
    void aCountrysClaimsFollowTheCountriesTheyAreAbout() {
        var az = watchCountryClaims(Role.VIEWER, "AZ", "");
        var am = watchCountryClaims(Role.VIEWER, "AM", "");
        Statement stored = callForRelease(ibadoglu, "AZ");
        WatchCountryClaimsResponse added = az.next();
        assertEquals(ChangeKind.CHANGE_KIND_ADDED, added.getChange().getKind());
        assertEquals(stored.getClaims(0).getName(), added.getChange().getItem().getClaim());

        var moved = stored.getClaims(0).toBuilder().clearSubjectCountries().addSubjectCountries("AM");
        updateStatement(stored.toBuilder().setClaims(0, moved), "claims");
        assertEquals(ChangeKind.CHANGE_KIND_RETRACTED, az.next().getChange().getKind());
        WatchCountryClaimsResponse entered = am.next();
        assertEquals(ChangeKind.CHANGE_KIND_ADDED, entered.getChange().getKind());
        assertEquals(List.of("AM"), entered.getChange().getItem().getStatement().getClaims(0).getSubjectCountriesList());
    }

    @Test
    void aCountrysStatementsAreAddedRenamedWithTheirActorAndRetracted() {
        var us = watchCountryStatements(Role.VIEWER, "US", "");
        var gb = watchCountryStatements(Role.VIEWER, "GB", "");
        Statement stored = callForRelease(ibadoglu, null);
        WatchCountryStatementsResponse added = us.next();
        assertEquals(ChangeKind.CHANGE_KIND_ADDED, added.getChange().getKind());
        assertEquals(stored.getName(), added.getChange().getStatement().getName());

        updateActor(blinken.toBuilder().setOffice("Former Secretary of State"), "office");
        assertEquals(ChangeKind.CHANGE_KIND_CORRECTED, us.next().getChange().getKind());

        retract(statements.getStatement(io.habeas.statement.v1.GetStatementRequest.newBuilder()
                .setName(stored.getName()).build()).getStatement());
        WatchCountryStatementsResponse retracted = us.next();
        assertEquals(ChangeKind.CHANGE_KIND_RETRACTED, retracted.getChange().getKind());
        assertEquals(RecordState.RECORD_STATE_RETRACTED, retracted.getChange().getStatement().getState());
        gb.nothingWithin(Duration.ofMillis(500));
    }

    @Test
    void aClaimAboutSeveralWatchedPersonsComesOnce() {
        String yagublu = detention.knownPerson();
        var watching = watchPersons(Role.VIEWER, List.of(ibadoglu, yagublu), "");
        var both = claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern for both").addSubjectPersons(ibadoglu).addSubjectPersons(yagublu);
        Statement stored = createStatement(statement(blinken.getName(), date(2024, 5, 1), "Both").addClaims(both));
        WatchClaimsAboutPersonsResponse added = watching.next();
        assertEquals(ChangeKind.CHANGE_KIND_ADDED, added.getChange().getKind());
        watching.nothingWithin(QUIET);

        var onlyOne = stored.getClaims(0).toBuilder().clearSubjectPersons().addSubjectPersons(yagublu);
        updateStatement(stored.toBuilder().setClaims(0, onlyOne), "claims");
        assertEquals(ChangeKind.CHANGE_KIND_CORRECTED, watching.next().getChange().getKind(),
                "still about one of the persons watched: in the feed, corrected");
        watching.nothingWithin(QUIET);
    }

    @Test
    void aWatchResumedFromAResponsesTokenLosesAndRepeatsNothing() {
        var watching = watchPerson(Role.VIEWER, ibadoglu, "");
        Statement first = callForRelease(ibadoglu, null);
        String token = watching.next().getResumeToken();
        watching.cancel();
        awaitWatches(0);
        Statement second = callForRelease(ibadoglu, null);
        Statement third = callForRelease(ibadoglu, null);

        var resumed = watchPerson(Role.VIEWER, ibadoglu, token);
        List<String> sent = resumed.next(2).stream().map(r -> r.getChange().getItem().getStatement().getName()).toList();
        assertEquals(List.of(second.getName(), third.getName()), sent);
        resumed.nothingWithin(QUIET);
        assertNotEquals(first.getName(), sent.get(0));
    }

    @Test
    void aHiddenStatementNeverReachesACallerWithoutItsClearanceNorDoesItsRetraction() {
        var viewer = watchPerson(Role.VIEWER, ibadoglu, "");
        var analyst = watchPerson(Role.ANALYST, ibadoglu, "");
        var restricted = claim(ClaimKind.CLAIM_KIND_ALLEGATION, "Alleged ill-treatment").addSubjectPersons(ibadoglu);
        Statement hidden = createStatement(statement(blinken.getName(), date(2024, 4, 0), "Restricted readout")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED).addClaims(restricted));
        assertEquals(ChangeKind.CHANGE_KIND_ADDED, analyst.next().getChange().getKind());

        retract(hidden);
        assertEquals(ChangeKind.CHANGE_KIND_RETRACTED, analyst.next().getChange().getKind());
        viewer.nothingWithin(QUIET);
    }

    @Test
    void aStatementRaisedAboveTheCallersClearanceIsRetractedByNameOnly() {
        var viewer = watchPerson(Role.VIEWER, ibadoglu, "");
        Statement stored = callForRelease(ibadoglu, null);
        assertEquals(ChangeKind.CHANGE_KIND_ADDED, viewer.next().getChange().getKind());

        updateStatement(stored.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED), "access_level");
        WatchPersonClaimsResponse hidden = viewer.next();
        assertEquals(ChangeKind.CHANGE_KIND_RETRACTED, hidden.getChange().getKind());
        assertEquals(stored.getClaims(0).getName(), hidden.getChange().getItem().getClaim());
        assertEquals(false, hidden.getChange().getItem().hasStatement(), "only the claim's name: the statement is hidden now");
    }

    @Test
    void anAnswersLevelRaisedHidesTheAnsweringStatementToo() {
        Actor ministry = createActor(actor("Ministry of Internal Affairs", ActorKind.ACTOR_KIND_GOVERNMENT_BODY, "AZ")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        Statement allegation = callForRelease(ibadoglu, null);
        var watching = watchCountryStatements(Role.VIEWER, "AZ", "");
        Statement denial = createStatement(statement(ministry.getName(), date(2024, 4, 29), "Denial")
                .addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "Denied").addSubjectCountries("AZ")
                        .setAnswers(allegation.getClaims(0).getName())));
        assertEquals(ChangeKind.CHANGE_KIND_ADDED, watching.next().getChange().getKind());

        updateStatement(allegation.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED), "access_level");
        WatchCountryStatementsResponse hidden = watching.next();
        assertEquals(ChangeKind.CHANGE_KIND_RETRACTED, hidden.getChange().getKind());
        assertEquals(denial.getName(), hidden.getChange().getStatement().getName());
        assertEquals("", hidden.getChange().getStatement().getTitle(), "only its name");
    }

    @Test
    void eachResponseNamingAConfidentialRecordIsAuditedBeforeItIsSent() {
        String secret = detention.knownPerson(io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        var admin = watchPerson(Role.ADMIN, secret, "");
        Statement aboutSecret = callForRelease(secret, null);

        WatchPersonClaimsResponse added = admin.next();
        assertEquals(ChangeKind.CHANGE_KIND_ADDED, added.getChange().getKind());
        assertEquals(1, database.count("read_audit WHERE resource = '" + aboutSecret.getName()
                + "' AND method = 'habeas.statement.v1.ClaimWatchService/WatchPersonClaims' AND principal = 'admin@habeas.test'"),
                "CONFIDENTIAL through its person, which the audit asks detention-service about as the watch's caller");
    }
}
