package io.habeas.kernel.names;

import static io.habeas.kernel.errors.InvalidArguments.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One typed name seen from outside: the collections it is spelled with (written out here, not
 * taken from the class), its declared FORM and REGEX, and how to make, parse and take one apart.
 */
record NameType(String type, List<String> collections, String form, String regex,
        BiFunction<String, String, Object> parser, Function<List<UUID>, Object> maker, Function<Object, List<UUID>> ids,
        Function<Object, Object> parent) {

    static final NameType PERSON = new NameType("PersonName", List.of("persons"), PersonName.FORM, PersonName.REGEX,
            PersonName::parse, ids -> PersonName.of(ids.get(0)), n -> List.of(((PersonName) n).id()), null);
    static final NameType DETENTION = new NameType("DetentionName", List.of("detentions"), DetentionName.FORM,
            DetentionName.REGEX, DetentionName::parse, ids -> DetentionName.of(ids.get(0)),
            n -> List.of(((DetentionName) n).id()), null);
    static final NameType ACTOR = new NameType("ActorName", List.of("actors"), ActorName.FORM, ActorName.REGEX,
            ActorName::parse, ids -> ActorName.of(ids.get(0)), n -> List.of(((ActorName) n).id()), null);
    static final NameType STATEMENT = new NameType("StatementName", List.of("statements"), StatementName.FORM,
            StatementName.REGEX, StatementName::parse, ids -> StatementName.of(ids.get(0)),
            n -> List.of(((StatementName) n).id()), null);
    static final NameType CUSTODY_EVENT = new NameType("CustodyEventName", List.of("detentions", "custodyEvents"),
            CustodyEventName.FORM, CustodyEventName.REGEX, CustodyEventName::parse,
            ids -> CustodyEventName.of(DetentionName.of(ids.get(0)), ids.get(1)),
            n -> List.of(((CustodyEventName) n).detentionId(), ((CustodyEventName) n).id()),
            n -> ((CustodyEventName) n).parent());
    static final NameType COURT_EVENT = new NameType("CourtEventName", List.of("detentions", "courtEvents"),
            CourtEventName.FORM, CourtEventName.REGEX, CourtEventName::parse,
            ids -> CourtEventName.of(DetentionName.of(ids.get(0)), ids.get(1)),
            n -> List.of(((CourtEventName) n).detentionId(), ((CourtEventName) n).id()),
            n -> ((CourtEventName) n).parent());
    static final NameType CHARGE = new NameType("ChargeName", List.of("detentions", "charges"), ChargeName.FORM,
            ChargeName.REGEX, ChargeName::parse, ids -> ChargeName.of(DetentionName.of(ids.get(0)), ids.get(1)),
            n -> List.of(((ChargeName) n).detentionId(), ((ChargeName) n).id()), n -> ((ChargeName) n).parent());
    static final NameType INCIDENT = new NameType("IncidentName", List.of("persons", "incidents"), IncidentName.FORM,
            IncidentName.REGEX, IncidentName::parse, ids -> IncidentName.of(PersonName.of(ids.get(0)), ids.get(1)),
            n -> List.of(((IncidentName) n).personId(), ((IncidentName) n).id()), n -> ((IncidentName) n).parent());
    static final NameType CLAIM = new NameType("ClaimName", List.of("statements", "claims"), ClaimName.FORM,
            ClaimName.REGEX, ClaimName::parse, ids -> ClaimName.of(StatementName.of(ids.get(0)), ids.get(1)),
            n -> List.of(((ClaimName) n).statementId(), ((ClaimName) n).id()), n -> ((ClaimName) n).parent());

    static final List<NameType> SINGLE_ID = List.of(PERSON, DETENTION, ACTOR, STATEMENT);
    static final List<NameType> NESTED = List.of(CUSTODY_EVENT, COURT_EVENT, CHARGE, INCIDENT, CLAIM);
    static final List<NameType> ALL = List.of(PERSON, DETENTION, ACTOR, STATEMENT, CUSTODY_EVENT, COURT_EVENT, CHARGE, INCIDENT,
            CLAIM);

    /** Two ids in lower case, different in every group, so that a swap or a truncation shows. */
    static final UUID ID0 = UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    static final UUID ID1 = UUID.fromString("f0e1d2c3-b4a5-4968-9788-695a4b3c2d1e");

    /** Runs the check for each of the types, reporting every type it fails for. */
    static void forEach(List<NameType> types, Consumer<NameType> check) {
        assertAll(types.stream().map(type -> () -> check.accept(type)));
    }

    Object parse(String name, String field) {
        return parser.apply(name, field);
    }

    Object make(UUID... ids) {
        return maker.apply(List.of(ids));
    }

    List<UUID> idsOf(Object name) {
        return ids.apply(name);
    }

    Object parentOf(Object name) {
        return parent.apply(name);
    }

    /** The name of this type spelled by hand: each collection followed by its id text. */
    String spell(String... idTexts) {
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < collections.size(); i++) {
            segments.add(collections.get(i));
            segments.add(idTexts[i]);
        }
        return String.join("/", segments);
    }

    /** The lower-case ids this type needs, from ID0 on. */
    UUID[] sampleIds() {
        return List.of(ID0, ID1).subList(0, collections.size()).toArray(UUID[]::new);
    }

    String sampleName() {
        return spell(List.of(ID0.toString(), ID1.toString()).subList(0, collections.size()).toArray(String[]::new));
    }

    /**
     * Fills a case written for any type: {c0} and {c1} are its collections ({C0}, {C1} capitalised),
     * {id0} and {id1} the sample ids ({ID0} in upper case), {name} a whole valid name of the type.
     */
    String fill(String template) {
        if (template == null) {
            return null;
        }
        String text = template.replace("{name}", sampleName())
                .replace("{id0}", ID0.toString()).replace("{id1}", ID1.toString())
                .replace("{ID0}", ID0.toString().toUpperCase());
        for (int i = 0; i < collections.size(); i++) {
            String c = collections.get(i);
            text = text.replace("{c" + i + "}", c)
                    .replace("{C" + i + "}", Character.toUpperCase(c.charAt(0)) + c.substring(1));
        }
        return text;
    }

    /** Parsing fails on the field for this reason, and REGEX (the declared constraint) refuses the text too. */
    void assertRejected(String name, String description) {
        assertInvalid("the_field", description, () -> parse(name, "the_field"));
        assertFalse(name != null && name.matches(regex), () -> regex + " accepts " + name + " which parse refuses");
    }

    void assertRejectedAsMalformed(String name) {
        assertRejected(name, "must be a resource name of the form " + form);
    }

    void assertRejectedForItsId(String name, String badId) {
        assertRejected(name, "has an id that is not a UUID: " + badId);
    }

    @Override
    public String toString() {
        return type;
    }
}
