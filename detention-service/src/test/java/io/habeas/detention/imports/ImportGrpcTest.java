package io.habeas.detention.imports;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.incident;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;

import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.ImportCharge;
import io.habeas.detention.v1.ImportCustodyEvent;
import io.habeas.detention.v1.ImportDetention;
import io.habeas.detention.v1.ImportIncident;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.detention.v1.ImportRecordsRequest;
import io.habeas.detention.v1.ImportRecordsResponse;
import io.habeas.detention.v1.ImportServiceGrpc;
import io.habeas.detention.v1.IncidentType;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.Bearer;
import io.habeas.support.testing.StreamedCall;
import io.quarkus.grpc.GrpcClient;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** Import tests: the ImportRecords stream through a real stub, as a recorder unless a test says otherwise. */
abstract class ImportGrpcTest extends GrpcTest {
    @GrpcClient("imports")
    io.grpc.Channel channel;
    protected ImportServiceGrpc.ImportServiceStub importsChannel;

    @BeforeEach
    void stub() {
        importsChannel = ImportServiceGrpc.newStub(channel);
    }

    static ImportRecord detained(String name) {
        return ImportRecord.newBuilder().setPerson(person(name, "AZ"))
                .addDetentions(ImportDetention.newBuilder().setImportKey("case-1")
                        .setDetention(arrest("", date(2024, 3, 1)).clearPerson())
                        .addCustodyEvents(ImportCustodyEvent.newBuilder().setImportKey("event-1").setCustodyEvent(
                                event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2024, 3, 3))))
                        .addCharges(ImportCharge.newBuilder().setImportKey("charge-1")
                                .setCharge(charge("206.3.2", date(2024, 3, 2)))))
                .addIncidents(ImportIncident.newBuilder().setImportKey("ban-1")
                        .setIncident(incident(IncidentType.INCIDENT_TYPE_TRAVEL_BAN, date(2023, 5, 1))))
                .build();
    }

    static ImportRecordsRequest batch(ImportRecord... records) {
        return ImportRecordsRequest.newBuilder().setBatchId(requestId()).addAllRecords(List.of(records)).build();
    }

    StreamedCall<ImportRecordsResponse> send(ImportRecordsRequest... batches) {
        return ImportStream.send(Bearer.as(importsChannel, Role.RECORDER), batches);
    }

}
