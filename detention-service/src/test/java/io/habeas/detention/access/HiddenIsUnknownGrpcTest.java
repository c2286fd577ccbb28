package io.habeas.detention.access;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.incident;
import static io.habeas.detention.support.Fixtures.requestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.habeas.detention.support.Fixtures;
import io.habeas.detention.support.LevelledCase;
import io.habeas.detention.v1.*;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.names.ChargeName;
import io.habeas.kernel.names.CourtEventName;
import io.habeas.kernel.names.CustodyEventName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.IncidentName;
import io.habeas.kernel.names.PersonName;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A record hidden from the caller answers exactly as one that does not exist: the same status,
 * description and details, once each answer's own ids are put aside.
 */
@QuarkusTest
class HiddenIsUnknownGrpcTest extends LevelledCase {
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final List<Class<? extends Message>> DETAILS = List.of(ResourceInfo.class, ErrorInfo.class,
            BadRequest.class, PreconditionFailure.class);

    @Test
    void readsOfHiddenRecordsAnswerAsForUnknownOnes() {
        var recorder = personsAs(Role.RECORDER);
        var records = detentionsAs(Role.RECORDER);
        sameAnswer(confidentialPerson.getName(), unknownPerson(),
                name -> () -> recorder.getPerson(GetPersonRequest.newBuilder().setName(name).build()));
        sameAnswer(d4.getName(), unknownDetention(),
                name -> () -> records.getDetention(GetDetentionRequest.newBuilder().setName(name).build()));
        sameAnswer(e2.getName(), unknownEventIn(d1),
                name -> () -> records.getCustodyEvent(GetCustodyEventRequest.newBuilder().setName(name).build()));
        sameAnswer(c4.getName(), unknownCharge(),
                name -> () -> records.getCharge(GetChargeRequest.newBuilder().setName(name).build()));
        var viewer = detentionsAs(Role.VIEWER);
        sameAnswer(c2.getName(), new ChargeName(DetentionName.parse(d1.getName(), "n").id(), UUID.randomUUID()).toString(),
                name -> () -> viewer.getCharge(GetChargeRequest.newBuilder().setName(name).build()));
        sameAnswer(d2.getName(), unknownDetention(),
                name -> () -> viewer.getDetention(GetDetentionRequest.newBuilder().setName(name).build()));
    }

    @Test
    void revisionsOfHiddenRecordsAnswerAsForUnknownOnes() {
        var recorder = historyAs(Role.RECORDER);
        sameAnswer(confidentialPerson.getName(), unknownPerson(), name -> () -> recorder.list(name));
        sameAnswer(d4.getName(), unknownDetention(), name -> () -> recorder.list(name));
        sameAnswer(e2.getName(), unknownEventIn(d1), name -> () -> recorder.list(name));
        sameAnswer(c4.getName(), unknownCharge(), name -> () -> recorder.list(name));
        var viewer = historyAs(Role.VIEWER);
        sameAnswer(d2.getName(), unknownDetention(), name -> () -> viewer.list(name));
        sameAnswer(c2.getName(), new ChargeName(DetentionName.parse(d1.getName(), "n").id(), UUID.randomUUID()).toString(),
                name -> () -> viewer.list(name));
    }

    @Test
    void filtersNamingAHiddenParentAnswerAsForAnUnknownOne() {
        var records = detentionsAs(Role.RECORDER);
        sameAnswer(d4.getName(), unknownDetention(),
                name -> () -> records.listCustodyEvents(ListCustodyEventsRequest.newBuilder().setParent(name).build()));
        sameAnswer(d4.getName(), unknownDetention(),
                name -> () -> records.listCharges(ListChargesRequest.newBuilder().setParent(name).build()));
        sameAnswer(confidentialPerson.getName(), unknownPerson(),
                name -> () -> records.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(name).build()));
        assertEquals(records.listDetentions(ListDetentionsRequest.newBuilder().setPerson(unknownPerson()).build()),
                records.listDetentions(ListDetentionsRequest.newBuilder().setPerson(confidentialPerson.getName()).build()));
    }

    @Test
    void writesToOrUnderHiddenRecordsAnswerAsForUnknownOnes() {
        var recorder = personsAs(Role.RECORDER);
        var records = detentionsAs(Role.RECORDER);
        sameAnswer(confidentialPerson.getName(), unknownPerson(), name -> () -> recorder.updatePerson(
                UpdatePersonRequest.newBuilder().setPerson(Person.newBuilder().setName(name).setEtag("1")
                        .setDescription("corrected")).setUpdateMask(mask("description")).setRequestId(requestId()).build()));
        sameAnswer(confidentialPerson.getName(), unknownPerson(), name -> () -> records.createDetention(
                CreateDetentionRequest.newBuilder().setDetention(arrest(name, date(2024, 1, 1))).setRequestId(requestId()).build()));
        sameAnswer(d4.getName(), unknownDetention(), name -> () -> records.updateDetention(UpdateDetentionRequest.newBuilder()
                .setDetention(Detention.newBuilder().setName(name).setEtag("1").setPlace("Baku"))
                .setUpdateMask(mask("place")).setRequestId(requestId()).build()));
        sameAnswer(d4.getName(), unknownDetention(), name -> () -> records.retractDetention(RetractDetentionRequest.newBuilder()
                .setName(name).setEtag("1").setReason("error").setRequestId(requestId()).build()));
        sameAnswer(d4.getName(), unknownDetention(), name -> () -> records.createCustodyEvent(CreateCustodyEventRequest
                .newBuilder().setParent(name).setCustodyEvent(event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER,
                        date(2024, 1, 1))).setRequestId(requestId()).build()));
        sameAnswer(d4.getName(), unknownDetention(), name -> () -> records.createCharge(CreateChargeRequest.newBuilder()
                .setParent(name).setCharge(charge("204.3.1", date(2024, 1, 1))).setRequestId(requestId()).build()));
        sameAnswer(e2.getName(), unknownEventIn(d1),
                name -> () -> records.updateCustodyEvent(UpdateCustodyEventRequest.newBuilder()
                        .setCustodyEvent(CustodyEvent.newBuilder().setName(name).setEtag("1").setDescription("corrected"))
                        .setUpdateMask(mask("description")).setRequestId(requestId()).build()));
        sameAnswer(c4.getName(), unknownCharge(), name -> () -> records.updateCharge(UpdateChargeRequest.newBuilder()
                .setCharge(Charge.newBuilder().setName(name).setEtag("1").setOffenceDescription("corrected"))
                .setUpdateMask(mask("offence_description")).setRequestId(requestId()).build()));
        sameAnswer(c4.getName(), unknownCharge(), name -> () -> records.changeChargeStatus(ChangeChargeStatusRequest
                .newBuilder().setName(name).setEtag("1").setStatusChange(ChargeStatusChange.newBuilder()
                        .setStatus(ChargeStatus.CHARGE_STATUS_DROPPED).setEffectiveOn(date(2024, 2, 1))
                        .addSources(informant())).setRequestId(requestId()).build()));
        sameAnswer(c4.getName(), unknownCharge(), name -> () -> records.retractCharge(RetractChargeRequest.newBuilder()
                .setName(name).setEtag("1").setReason("error").setRequestId(requestId()).build()));
    }

    @Test
    void incidentsHiddenThemselvesOrByTheirPersonAnswerAsUnknownOnes() {
        Incident underHidden = addIncident(confidentialPerson, incident(IncidentType.INCIDENT_TYPE_SUMMONS, date(2024, 1, 1))
                .setAccessLevel(PUBLIC));
        Incident secret = addIncident(publicPerson, incident(IncidentType.INCIDENT_TYPE_SEARCH, date(2024, 1, 2))
                .setAccessLevel(CONFIDENTIAL));
        Incident restricted = addIncident(publicPerson, incident(IncidentType.INCIDENT_TYPE_SEARCH, date(2024, 1, 3))
                .setAccessLevel(RESTRICTED));
        var recorder = incidentsAs(Role.RECORDER);
        for (Incident hidden : List.of(underHidden, secret)) {
            String unknown = hidden == secret ? unknownIncidentOf(publicPerson) : unknownIncident();
            sameAnswer(hidden.getName(), unknown,
                    name -> () -> recorder.getIncident(GetIncidentRequest.newBuilder().setName(name).build()));
            sameAnswer(hidden.getName(), unknown, name -> () -> recorder.listIncidentRevisions(
                    ListIncidentRevisionsRequest.newBuilder().setName(name).build()));
            sameAnswer(hidden.getName(), unknown, name -> () -> recorder.updateIncident(UpdateIncidentRequest.newBuilder()
                    .setIncident(Incident.newBuilder().setName(name).setEtag("1").setPlace("Baku"))
                    .setUpdateMask(mask("place")).setRequestId(requestId()).build()));
        }
        sameAnswer(confidentialPerson.getName(), unknownPerson(), name -> () -> recorder.createIncident(
                CreateIncidentRequest.newBuilder().setParent(name).setIncident(incident(IncidentType.INCIDENT_TYPE_SUMMONS,
                        date(2024, 1, 1))).setRequestId(requestId()).build()));
        sameAnswer(confidentialPerson.getName(), unknownPerson(), name -> () -> recorder.listIncidents(
                ListIncidentsRequest.newBuilder().setParent(name).build()));
        var viewer = incidentsAs(Role.VIEWER);
        sameAnswer(restricted.getName(), unknownIncidentOf(publicPerson),
                name -> () -> viewer.getIncident(GetIncidentRequest.newBuilder().setName(name).build()));
    }

    private static String unknownIncident() {
        return new IncidentName(UUID.randomUUID(), UUID.randomUUID()).toString();
    }

    private static String unknownIncidentOf(Person person) {
        return new IncidentName(PersonName.parse(person.getName(), "n").id(), UUID.randomUUID()).toString();
    }

    @Test
    void courtEventsAndTheChargesTheyNameAnswerWhenHiddenAsWhenUnknown() {
        CourtEvent secret = addCourtEvent(d1, Fixtures.courtEvent(CourtEventType.COURT_EVENT_TYPE_VERDICT, date(2024, 9, 0))
                .setSentence(SentenceTerm.newBuilder().setYears(10)).addCharges(c1.getName()).setAccessLevel(CONFIDENTIAL));
        Charge hiddenCharge = addCharge(d1, charge("228", date(2023, 8, 1)).setAccessLevel(CONFIDENTIAL));
        var records = detentionsAs(Role.RECORDER);
        String unknownEvent = unknownCourtEventIn(d1);
        sameAnswer(secret.getName(), unknownEvent,
                name -> () -> records.getCourtEvent(GetCourtEventRequest.newBuilder().setName(name).build()));
        sameAnswer(secret.getName(), unknownEvent, name -> () -> historyAs(Role.RECORDER).list(name));
        sameAnswer(secret.getName(), unknownEvent, name -> () -> records.updateCourtEvent(UpdateCourtEventRequest
                .newBuilder().setCourtEvent(CourtEvent.newBuilder().setName(name).setEtag("1").setDescription("corrected"))
                .setUpdateMask(mask("description")).setRequestId(requestId()).build()));
        sameAnswer(secret.getName(), unknownEvent, name -> () -> detentionsAs(Role.VIEWER).getCourtEvent(
                GetCourtEventRequest.newBuilder().setName(name).build()));
        sameAnswer(secret.getName(), unknownEvent, name -> () -> records.changeChargeStatus(ChangeChargeStatusRequest
                .newBuilder().setName(c1.getName()).setEtag(c1.getEtag()).setStatusChange(ChargeStatusChange.newBuilder()
                        .setStatus(ChargeStatus.CHARGE_STATUS_CONVICTED).setEffectiveOn(date(2024, 9, 0))
                        .setCourtEvent(name).addSources(informant())).setRequestId(requestId()).build()));
        sameAnswer(d4.getName(), unknownDetention(), name -> () -> records.listCourtEvents(ListCourtEventsRequest
                .newBuilder().setParent(name).build()));
        sameAnswer(d4.getName(), unknownDetention(), name -> () -> records.createCourtEvent(CreateCourtEventRequest
                .newBuilder().setParent(name).setCourtEvent(Fixtures.courtEvent(CourtEventType.COURT_EVENT_TYPE_HEARING,
                        date(2024, 1, 1))).setRequestId(requestId()).build()));
        sameAnswer(hiddenCharge.getName(), unknownChargeIn(d1), name -> () -> records.createCourtEvent(CreateCourtEventRequest
                .newBuilder().setParent(d1.getName()).setCourtEvent(Fixtures.courtEvent(CourtEventType.COURT_EVENT_TYPE_HEARING,
                        date(2024, 1, 1)).addCharges(name)).setRequestId(requestId()).build()));
    }

    private static String unknownCourtEventIn(Detention detention) {
        return new CourtEventName(DetentionName.parse(detention.getName(), "n").id(), UUID.randomUUID()).toString();
    }

    private static String unknownChargeIn(Detention detention) {
        return new ChargeName(DetentionName.parse(detention.getName(), "n").id(), UUID.randomUUID()).toString();
    }

    private static String unknownPerson() {
        return PersonName.of(UUID.randomUUID()).toString();
    }

    private static String unknownDetention() {
        return DetentionName.of(UUID.randomUUID()).toString();
    }

    private static String unknownEventIn(Detention detention) {
        return new CustodyEventName(DetentionName.parse(detention.getName(), "n").id(), UUID.randomUUID()).toString();
    }

    private static String unknownCharge() {
        return new ChargeName(UUID.randomUUID(), UUID.randomUUID()).toString();
    }

    private static FieldMask mask(String path) {
        return FieldMask.newBuilder().addPaths(path).build();
    }

    /** The call naming the hidden record fails exactly as the one naming the unknown record. */
    private static void sameAnswer(String hidden, String unknown, Function<String, org.junit.jupiter.api.function.Executable> call) {
        assertEquals(answer(call.apply(unknown), unknown), answer(call.apply(hidden), hidden), hidden);
    }

    /** Status, description and every detail, with the ids of the name asked for put aside. */
    private static String answer(org.junit.jupiter.api.function.Executable call, String name) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call);
        StringBuilder text = new StringBuilder(failure.getStatus().getCode() + "\n" + failure.getStatus().getDescription());
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        text.append('\n').append(status.getCode()).append(' ').append(status.getMessage());
        for (var any : status.getDetailsList()) {
            text.append('\n').append(any.getTypeUrl()).append('\n').append(unpacked(any));
        }
        Matcher ids = UUID_TEXT.matcher(name);
        String answer = text.toString();
        for (int i = 0; ids.find(); i++) {
            answer = answer.replace(ids.group(), "{id" + i + "}");
        }
        return answer;
    }

    private static String unpacked(com.google.protobuf.Any any) {
        try {
            for (Class<? extends Message> type : DETAILS) {
                if (any.is(type)) {
                    return any.unpack(type).toString();
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
        return any.toString();
    }
}
