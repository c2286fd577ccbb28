package io.habeas.detention.support;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.person;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.Source;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.Person;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * Records held at every access level, all detained by AZ, recorded by an admin:
 * <pre>
 * Public Person (PUBLIC; sources: JAMnews, and a CONFIDENTIAL informant)
 *   D1 PUBLIC from 2023-07-23: E1 pre-trial detention PUBLIC 2023-08-01, E2 release CONFIDENTIAL 2024-04-22;
 *      C1 204.3.1 PUBLIC filed 2023-07-25, C2 167-3.1 RESTRICTED filed 2023-12-01
 *   D2 RESTRICTED from 2022-03-01: E3 release, no level (so its detention's) 2022-09-01;
 *      C3 204.2 PUBLIC filed 2022-04-01
 * Restricted Person (RESTRICTED)
 *   D3 no level (so its person's) from 2024-01-10
 * Confidential Person (CONFIDENTIAL)
 *   D4 PUBLIC from 2023-05-01: C4 204.3.1 PUBLIC filed 2023-05-02
 * </pre>
 */
public abstract class LevelledCase extends GrpcTest {
    protected static final AccessLevel PUBLIC = AccessLevel.ACCESS_LEVEL_PUBLIC;
    protected static final AccessLevel RESTRICTED = AccessLevel.ACCESS_LEVEL_RESTRICTED;
    protected static final AccessLevel CONFIDENTIAL = AccessLevel.ACCESS_LEVEL_CONFIDENTIAL;

    protected Person publicPerson;
    protected Person restrictedPerson;
    protected Person confidentialPerson;
    protected Detention d1;
    protected Detention d2;
    protected Detention d3;
    protected Detention d4;
    protected CustodyEvent e1;
    protected CustodyEvent e2;
    protected CustodyEvent e3;
    protected Charge c1;
    protected Charge c2;
    protected Charge c3;
    protected Charge c4;

    public static Source informant() {
        return Source.newBuilder().setPublisher("Informant").setTitle("Account given in confidence")
                .setAccessLevel(CONFIDENTIAL).build();
    }

    @BeforeEach
    void recordTheLevelledCase() {
        publicPerson = createPerson(person("Public Person", "AZ").setAccessLevel(PUBLIC).addSources(informant()));
        restrictedPerson = createPerson(person("Restricted Person", "AZ").setAccessLevel(RESTRICTED));
        confidentialPerson = createPerson(person("Confidential Person", "AZ").setAccessLevel(CONFIDENTIAL));

        d1 = createDetention(arrest(publicPerson.getName(), date(2023, 7, 23)).setAccessLevel(PUBLIC));
        e1 = addEvent(d1, event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2023, 8, 1)).setAccessLevel(PUBLIC));
        e2 = addEvent(d1, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 4, 22)).setAccessLevel(CONFIDENTIAL));
        c1 = addCharge(d1, charge("204.3.1", date(2023, 7, 25)).setAccessLevel(PUBLIC));
        c2 = addCharge(d1, charge("167-3.1", date(2023, 12, 1)).setAccessLevel(RESTRICTED));

        d2 = createDetention(arrest(publicPerson.getName(), date(2022, 3, 1)).setAccessLevel(RESTRICTED));
        e3 = addEvent(d2, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2022, 9, 1)));
        c3 = addCharge(d2, charge("204.2", date(2022, 4, 1)).setAccessLevel(PUBLIC));

        d3 = createDetention(arrest(restrictedPerson.getName(), date(2024, 1, 10)).clearAccessLevel());

        d4 = createDetention(arrest(confidentialPerson.getName(), date(2023, 5, 1)).setAccessLevel(PUBLIC));
        c4 = addCharge(d4, charge("204.3.1", date(2023, 5, 2)).setAccessLevel(PUBLIC));
    }

    /** Every record's resource name, and the label it goes by in assertions. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(publicPerson.getName(), "Public Person");
        labels.put(restrictedPerson.getName(), "Restricted Person");
        labels.put(confidentialPerson.getName(), "Confidential Person");
        List.of(d1, d2, d3, d4).forEach(d -> labels.put(d.getName(), "D" + (labels.size() - 2)));
        List.of(e1, e2, e3).forEach(e -> labels.put(e.getName(), "E" + (labels.size() - 6)));
        List.of(c1, c2, c3, c4).forEach(c -> labels.put(c.getName(), "C" + (labels.size() - 9)));
        return labels;
    }

    /** The resource names of one kind, in label order: "persons/", "custodyEvents/" ... */
    public List<String> names(String kind) {
        return labels().keySet().stream().filter(name -> kind.equals("detentions/")
                ? name.startsWith(kind) && !name.contains("/custodyEvents/") && !name.contains("/charges/")
                : name.startsWith(kind) || name.contains("/" + kind)).toList();
    }

    /** Sources named by publisher: the fixtures' own source is JAMnews. */
    protected static List<String> publishers(List<Source> sources) {
        return sources.stream().map(Source::getPublisher).toList();
    }
}
