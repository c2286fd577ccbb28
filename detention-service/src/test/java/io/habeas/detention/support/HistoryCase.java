package io.habeas.detention.support;

import static io.habeas.detention.support.Fixtures.requestId;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import io.habeas.common.v1.AccessLevel;
import io.habeas.detention.v1.ChangeChargeStatusRequest;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.ChargeStatusChange;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.RetractChargeRequest;
import io.habeas.detention.v1.UpdateChargeRequest;
import io.habeas.detention.v1.UpdateCustodyEventRequest;
import io.habeas.detention.v1.UpdateDetentionRequest;
import io.habeas.detention.v1.UpdatePersonRequest;
import java.time.Instant;

/** Records changed over time, and the instants between the changes that as-of reads name. */
public abstract class HistoryCase extends GrpcTest {

    /**
     * An instant after every write so far and before every later one: a write's changes are known
     * from its transaction's start, which comes after this once the sleep is over.
     */
    protected static Timestamp instant() {
        Instant now = Instant.now();
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
    }

    protected Person updatePerson(Person person, String path, Person.Builder values) {
        return persons.updatePerson(UpdatePersonRequest.newBuilder().setRequestId(requestId())
                .setPerson(values.setName(person.getName()).setEtag(person.getEtag()))
                .setUpdateMask(FieldMask.newBuilder().addPaths(path)).build()).getPerson();
    }

    protected Person reclassify(Person person, AccessLevel level) {
        return updatePerson(person, "access_level", Person.newBuilder().setAccessLevel(level));
    }

    protected Detention updateDetention(Detention detention, String path, Detention.Builder values) {
        return detentions.updateDetention(UpdateDetentionRequest.newBuilder().setRequestId(requestId())
                .setDetention(values.setName(detention.getName()).setEtag(detention.getEtag()))
                .setUpdateMask(FieldMask.newBuilder().addPaths(path)).build()).getDetention();
    }

    protected CustodyEvent updateEvent(CustodyEvent event, String path, CustodyEvent.Builder values) {
        return detentions.updateCustodyEvent(UpdateCustodyEventRequest.newBuilder().setRequestId(requestId())
                .setCustodyEvent(values.setName(event.getName()).setEtag(event.getEtag()))
                .setUpdateMask(FieldMask.newBuilder().addPaths(path)).build()).getCustodyEvent();
    }

    protected Charge updateCharge(Charge charge, String path, Charge.Builder values) {
        return detentions.updateCharge(UpdateChargeRequest.newBuilder().setRequestId(requestId())
                .setCharge(values.setName(charge.getName()).setEtag(charge.getEtag()))
                .setUpdateMask(FieldMask.newBuilder().addPaths(path)).build()).getCharge();
    }

    protected Charge changeStatus(Charge charge, ChargeStatusChange.Builder change) {
        return detentions.changeChargeStatus(ChangeChargeStatusRequest.newBuilder().setRequestId(requestId())
                .setName(charge.getName()).setEtag(charge.getEtag()).setStatusChange(change).build()).getCharge();
    }

    protected Charge retract(Charge charge) {
        return detentions.retractCharge(RetractChargeRequest.newBuilder().setRequestId(requestId())
                .setName(charge.getName()).setEtag(charge.getEtag()).setReason("Recorded under the wrong detention")
                .build()).getCharge();
    }
}
