package io.habeas.statement.support;

import static io.habeas.statement.support.Fixtures.actor;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.detainedPerson;
import static io.habeas.statement.support.Fixtures.statement;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.Source;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * Records, as an admin, data at every level, each hiding in its own way:
 * <ul>
 * <li>persons pPub, pRes, pConf at PUBLIC, RESTRICTED and CONFIDENTIAL in detention-service;
 * <li>actors usPublic (PUBLIC, US, with a CONFIDENTIAL source), ngoRestricted (RESTRICTED, GB),
 * secretConf (CONFIDENTIAL, AZ) and detainee (PUBLIC, AZ, but its person is pConf);
 * <li>statements, one a month of 2024, each with one claim about AZ: S1 usPublic's PUBLIC call
 * for pPub's release with a CONFIDENTIAL source; S2 usPublic's PUBLIC call for pPub and pConf;
 * S3 secretConf's PUBLIC call for pPub, answering S1; S4 ngoRestricted's RESTRICTED demand for
 * pPub and pRes; S5 detainee's PUBLIC denial; S6 usPublic's PUBLIC welcome answering S4; S7
 * usPublic's PUBLIC concern answering S1.
 * </ul>
 * So a viewer sees S1 and S7; an analyst and a recorder S1, S4, S6 and S7; an admin all.
 */
public abstract class ClearanceGrpcTest extends GrpcTest {
    protected String pPub;
    protected String pRes;
    protected String pConf;
    protected Actor usPublic;
    protected Actor ngoRestricted;
    protected Actor secretConf;
    protected Actor detainee;
    protected Statement s1;
    protected Statement s2;
    protected Statement s3;
    protected Statement s4;
    protected Statement s5;
    protected Statement s6;
    protected Statement s7;
    /** Labels by resource name (statements, their claims, actors, persons), for readable assertions. */
    protected final Map<String, String> labels = new HashMap<>();

    protected static Source informant() {
        return Source.newBuilder().setPublisher("A relative").setTitle("Interview, name withheld")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL).build();
    }

    @BeforeEach
    void recordDataAtEveryLevel() {
        labels.clear();
        pPub = label(detention.knownPerson(io.habeas.kernel.access.AccessLevel.PUBLIC), "pPub");
        pRes = label(detention.knownPerson(io.habeas.kernel.access.AccessLevel.RESTRICTED), "pRes");
        pConf = label(detention.knownPerson(io.habeas.kernel.access.AccessLevel.CONFIDENTIAL), "pConf");
        usPublic = recorded(actor("US Coalition Envoy", ActorKind.ACTOR_KIND_OFFICIAL, "US")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(informant()), "usPublic");
        ngoRestricted = recorded(actor("Coalition Watch", ActorKind.ACTOR_KIND_NGO, "GB")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED), "ngoRestricted");
        secretConf = recorded(actor("Coalition Service", ActorKind.ACTOR_KIND_GOVERNMENT_BODY, "AZ")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL), "secretConf");
        detainee = recorded(detainedPerson("Coalition Detainee", pConf).setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC),
                "detainee");
        s1 = say("S1", usPublic, 1, ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, AccessLevel.ACCESS_LEVEL_PUBLIC, null, pPub);
        s2 = say("S2", usPublic, 2, ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, AccessLevel.ACCESS_LEVEL_PUBLIC, null, pPub, pConf);
        s3 = say("S3", secretConf, 3, ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, AccessLevel.ACCESS_LEVEL_PUBLIC, s1, pPub);
        s4 = say("S4", ngoRestricted, 4, ClaimKind.CLAIM_KIND_DEMAND_FOR_RELEASE, AccessLevel.ACCESS_LEVEL_RESTRICTED, null,
                pPub, pRes);
        s5 = say("S5", detainee, 5, ClaimKind.CLAIM_KIND_DENIAL, AccessLevel.ACCESS_LEVEL_PUBLIC, null);
        s6 = say("S6", usPublic, 6, ClaimKind.CLAIM_KIND_WELCOME, AccessLevel.ACCESS_LEVEL_PUBLIC, s4);
        s7 = say("S7", usPublic, 7, ClaimKind.CLAIM_KIND_CONCERN, AccessLevel.ACCESS_LEVEL_PUBLIC, s1);
    }

    private Statement say(String label, Actor who, int month, ClaimKind kind, AccessLevel level, Statement answering,
            String... persons) {
        var claim = claim(kind, label + " " + kind.name()).addSubjectCountries("AZ");
        for (String person : persons) {
            claim.addSubjectPersons(person);
        }
        if (answering != null) {
            claim.setAnswers(answering.getClaims(0).getName());
        }
        var statement = statement(who.getName(), date(2024, month, 1), label).setAccessLevel(level).addClaims(claim);
        if (label.equals("S1")) {
            statement.addSources(informant());
        }
        return relabel(createStatement(statement), label);
    }

    private Statement relabel(Statement s, String label) {
        labels.put(s.getName(), label);
        labels.put(s.getClaims(0).getName(), label);
        return s;
    }

    private Actor recorded(Actor.Builder actor, String label) {
        Actor created = createActor(actor);
        label(created.getName(), label);
        return created;
    }

    private String label(String name, String label) {
        labels.put(name, label);
        return name;
    }

    protected String label(String name) {
        return labels.getOrDefault(name, name);
    }
}
