package io.habeas.support.testing;

import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.habeas.audit.v1.ListReadAuditEntriesRequest;
import io.habeas.audit.v1.ListReadAuditEntriesResponse;
import io.habeas.audit.v1.ReadAuditEntry;
import io.habeas.audit.v1.ReadAuditServiceGrpc;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read audit as every service keeps it: who was given which CONFIDENTIAL record, listed to
 * admins only, newest first, by principal and by record, in pages; entries never change; a read
 * that cannot be audited is not answered. Each service supplies one CONFIDENTIAL record, how to
 * read it through a Get method, and one PUBLIC record.
 */
public abstract class ReadAuditContract {
    protected static final String AUDITOR = "auditor@habeas.test";
    protected static final String OTHER_ADMIN = "other-admin@habeas.test";

    @GrpcClient("audit")
    protected ReadAuditServiceGrpc.ReadAuditServiceBlockingStub auditChannel;
    @Inject
    protected Database database;
    @Inject
    EntityManager entityManager;

    /** Records a CONFIDENTIAL record as an admin; its resource name. */
    protected abstract String recordConfidential();

    /** Records a PUBLIC record, all its sources PUBLIC, as an admin; its resource name. */
    protected abstract String recordPublic();

    /** Reads the record through its Get method with this bearer token. */
    protected abstract void get(String name, String token);

    /** The full name of that Get method: "habeas.detention.v1.PersonService/GetPerson". */
    protected abstract String getMethod();

    @BeforeEach
    void startFromEmptyDatabase() {
        database.clear();
    }

    protected static String admin(String subject) {
        return TestTokens.withGroups(subject, Role.Names.ADMIN);
    }

    protected ReadAuditServiceGrpc.ReadAuditServiceBlockingStub audit() {
        return Bearer.with(auditChannel, admin(AUDITOR));
    }

    /** Every entry of one principal, newest first. */
    protected List<ReadAuditEntry> entriesOf(String principal) {
        return audit().listReadAuditEntries(ListReadAuditEntriesRequest.newBuilder().setPrincipal(principal)
                .setPageSize(500).build()).getEntriesList();
    }

    @Test
    void readingAConfidentialRecordLeavesAnEntryNamingItThePrincipalAndTheMethod() {
        String name = recordConfidential();
        Instant before = Instant.now().minusSeconds(1);

        get(name, admin("reader@habeas.test"));

        List<ReadAuditEntry> entries = entriesOf("reader@habeas.test");
        assertEquals(1, entries.size(), entries.toString());
        ReadAuditEntry entry = entries.get(0);
        assertEquals(name, entry.getResource());
        assertEquals("reader@habeas.test", entry.getPrincipal());
        assertEquals(getMethod(), entry.getMethod());
        assertFalse(Instant.ofEpochSecond(entry.getReadTime().getSeconds()).isBefore(before));
    }

    @Test
    void readingAPublicRecordLeavesNone() {
        String name = recordPublic();
        get(name, admin("reader@habeas.test"));
        get(name, TestTokens.of(Role.VIEWER));
        assertEquals(List.of(), entriesOf("reader@habeas.test"));
        assertEquals(List.of(), entriesOf(Role.VIEWER.claim() + "@habeas.test"));
    }

    @Test
    void onlyAdminsListTheAudit() {
        for (Role role : List.of(Role.VIEWER, Role.ANALYST, Role.RECORDER)) {
            fails(Status.Code.PERMISSION_DENIED, () -> Bearer.as(auditChannel, role)
                    .listReadAuditEntries(ListReadAuditEntriesRequest.getDefaultInstance()));
        }
        fails(Status.Code.UNAUTHENTICATED, () -> auditChannel.listReadAuditEntries(ListReadAuditEntriesRequest.getDefaultInstance()));
    }

    @Test
    void listsNewestFirstByPrincipalAndByRecordInPagesBoundToTheCaller() {
        String first = recordConfidential();
        String second = recordConfidential();
        for (String reader : List.of("ann@habeas.test", "bob@habeas.test")) {
            get(first, admin(reader));
            get(second, admin(reader));
            get(first, admin(reader));
        }

        List<ReadAuditEntry> anns = entriesOf("ann@habeas.test");
        assertEquals(List.of(first, second, first), anns.stream().map(ReadAuditEntry::getResource).toList());
        List<ReadAuditEntry> ofSecond = audit().listReadAuditEntries(ListReadAuditEntriesRequest.newBuilder()
                .setResource(second).build()).getEntriesList();
        // the admin who recorded it was given it too, in the create's answer
        assertEquals(List.of("bob@habeas.test", "ann@habeas.test", Role.ADMIN.claim() + "@habeas.test"),
                ofSecond.stream().map(ReadAuditEntry::getPrincipal).toList());
        assertEquals(2, audit().listReadAuditEntries(ListReadAuditEntriesRequest.newBuilder()
                .setPrincipal("bob@habeas.test").setResource(upperCaseIds(first)).build()).getEntriesCount(),
                "ids match whatever their case");

        List<ReadAuditEntry> paged = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListReadAuditEntriesResponse page = audit().listReadAuditEntries(ListReadAuditEntriesRequest.newBuilder()
                    .setPrincipal("ann@habeas.test").setPageSize(2).setPageToken(token).build());
            paged.addAll(page.getEntriesList());
            token = page.getNextPageToken();
            pages++;
            if (!token.isEmpty()) {
                String issued = token;
                failsOnFields(() -> Bearer.with(auditChannel, admin(OTHER_ADMIN)).listReadAuditEntries(
                        ListReadAuditEntriesRequest.newBuilder().setPrincipal("ann@habeas.test").setPageSize(2)
                                .setPageToken(issued).build()), "page_token");
                failsOnFields(() -> audit().listReadAuditEntries(ListReadAuditEntriesRequest.newBuilder()
                        .setPrincipal("bob@habeas.test").setPageSize(2).setPageToken(issued).build()), "page_token");
            }
        } while (!token.isEmpty());
        assertEquals(2, pages);
        assertEquals(anns, paged);
    }

    @Test
    void badFiltersAndPageSizesAreInvalidArguments() {
        failsOnFields(() -> audit().listReadAuditEntries(ListReadAuditEntriesRequest.newBuilder()
                .setResource("Ibadoglu").setPrincipal("tab\there").build()), "resource", "principal");
        failsOnFields(() -> audit().listReadAuditEntries(ListReadAuditEntriesRequest.newBuilder()
                .setResource("persons/not-a-uuid").build()), "resource");
        failsOnFields(() -> audit().listReadAuditEntries(ListReadAuditEntriesRequest.newBuilder()
                .setPrincipal("x".repeat(301)).build()), "principal");
        failsOnFields(() -> audit().listReadAuditEntries(ListReadAuditEntriesRequest.newBuilder()
                .setPageSize(-1).build()), "page_size");
        failsOnFields(() -> audit().listReadAuditEntries(ListReadAuditEntriesRequest.newBuilder()
                .setPageToken("not a token").build()), "page_token");
    }

    @Test
    void entriesCanBeNeitherChangedNorDeleted() {
        get(recordConfidential(), admin("reader@habeas.test"));
        long entries = database.count("read_audit");
        assertTrue(entries > 0);
        for (String change : List.of("UPDATE read_audit SET principal = 'someone else'", "DELETE FROM read_audit",
                "TRUNCATE read_audit")) {
            Exception refused = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew()
                    .run(() -> entityManager.createNativeQuery(change).executeUpdate()), change);
            assertTrue(causes(refused).contains("read_audit is append-only"), change + ": " + causes(refused));
        }
        assertEquals(entries, database.count("read_audit"));
        assertEquals("reader@habeas.test", entriesOf("reader@habeas.test").get(0).getPrincipal());
    }

    @Test
    void aReadThatCannotBeAuditedFailsUnavailableAndSendsNothing() {
        String confidential = recordConfidential();
        String open = recordPublic();
        execute("CREATE FUNCTION audit_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " RAISE EXCEPTION 'audit down'; END $$");
        execute("CREATE TRIGGER audit_down BEFORE INSERT ON read_audit FOR EACH ROW EXECUTE FUNCTION audit_down()");
        try {
            var status = fails(Status.Code.UNAVAILABLE, () -> get(confidential, admin("reader@habeas.test")));
            assertEquals("DEPENDENCY_UNAVAILABLE", detail(status, ErrorInfo.class).getReason());
            get(open, admin("reader@habeas.test"));
        } finally {
            execute("DROP TRIGGER audit_down ON read_audit");
            execute("DROP FUNCTION audit_down()");
        }
        assertEquals(List.of(), entriesOf("reader@habeas.test"));
    }

    private static String upperCaseIds(String name) {
        String[] parts = name.split("/");
        for (int i = 1; i < parts.length; i += 2) {
            parts[i] = parts[i].toUpperCase(java.util.Locale.ROOT);
        }
        return String.join("/", parts);
    }

    private void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(sql).executeUpdate());
    }

    private static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append(" / ");
        }
        return messages.toString();
    }
}
