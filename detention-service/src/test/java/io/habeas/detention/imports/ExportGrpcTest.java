package io.habeas.detention.imports;

import io.habeas.detention.v1.ExportRecordsRequest;
import io.habeas.detention.v1.ExportServiceGrpc;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.Bearer;
import org.junit.jupiter.api.BeforeEach;

/** Export tests: the ExportRecords stream through a real stub. */
abstract class ExportGrpcTest extends ImportGrpcTest {
    private ExportServiceGrpc.ExportServiceBlockingStub exportsChannel;

    @BeforeEach
    void exportStub() {
        exportsChannel = ExportServiceGrpc.newBlockingStub(channel);
    }

    ExportCall export(Role role, int pageSize) {
        return export(role, ExportRecordsRequest.newBuilder().setPageSize(pageSize).build());
    }

    ExportCall export(Role role, ExportRecordsRequest request) {
        return ExportCall.of(Bearer.as(exportsChannel, role), request);
    }
}
