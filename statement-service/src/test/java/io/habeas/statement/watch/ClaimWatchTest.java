package io.habeas.statement.watch;


import io.habeas.kernel.access.Role;
import io.habeas.statement.service.ClaimWatches;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.ClaimWatchServiceGrpc;
import io.habeas.statement.v1.WatchClaimsAboutPersonsRequest;
import io.habeas.statement.v1.WatchClaimsAboutPersonsResponse;
import io.habeas.statement.v1.WatchCountryClaimsRequest;
import io.habeas.statement.v1.WatchCountryClaimsResponse;
import io.habeas.statement.v1.WatchCountryStatementsRequest;
import io.habeas.statement.v1.WatchCountryStatementsResponse;
import io.habeas.statement.v1.WatchPersonClaimsRequest;
import io.habeas.statement.v1.WatchPersonClaimsResponse;
import io.habeas.support.testing.Bearer;
import io.habeas.kernel.testing.Watching;
import io.quarkus.grpc.GrpcClient;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Watches through the real stub, each registered on the server before the test writes. */
abstract class ClaimWatchTest extends GrpcTest {
    @GrpcClient("watches")
    io.grpc.Channel channel;
    @Inject
    ClaimWatches hub;
    private final List<Watching<?>> opened = new ArrayList<>();

    @AfterEach
    void cancelWatches() {
        opened.forEach(Watching::cancel);
        opened.clear();
        awaitWatches(0); // one left open would count in the next test's hub.size()
    }

    ClaimWatchServiceGrpc.ClaimWatchServiceStub stub(Role role) {
        return Bearer.as(ClaimWatchServiceGrpc.newStub(channel), role);
    }

    Watching<WatchPersonClaimsResponse> watchPerson(Role role, String person, String resumeToken) {
        Watching<WatchPersonClaimsResponse> watching = new Watching<>(true);
        return registered(watching, () -> stub(role).watchPersonClaims(WatchPersonClaimsRequest.newBuilder()
                .setPerson(person).setResumeToken(resumeToken).build(), watching));
    }

    Watching<WatchClaimsAboutPersonsResponse> watchPersons(Role role, List<String> persons, String resumeToken) {
        Watching<WatchClaimsAboutPersonsResponse> watching = new Watching<>(true);
        return registered(watching, () -> stub(role).watchClaimsAboutPersons(WatchClaimsAboutPersonsRequest.newBuilder()
                .addAllPersons(persons).setResumeToken(resumeToken).build(), watching));
    }

    Watching<WatchCountryClaimsResponse> watchCountryClaims(Role role, String country, String resumeToken) {
        Watching<WatchCountryClaimsResponse> watching = new Watching<>(true);
        return registered(watching, () -> stub(role).watchCountryClaims(WatchCountryClaimsRequest.newBuilder()
                .setCountry(country).setResumeToken(resumeToken).build(), watching));
    }

    Watching<WatchCountryStatementsResponse> watchCountryStatements(Role role, String country, String resumeToken) {
        Watching<WatchCountryStatementsResponse> watching = new Watching<>(true);
        return registered(watching, () -> stub(role).watchCountryStatements(WatchCountryStatementsRequest.newBuilder()
                .setCountry(country).setResumeToken(resumeToken).build(), watching));
    }

    /** Opens the watch and waits until the server holds it (its first response came), or it has ended (refused). */
    <R> Watching<R> registered(Watching<R> watching, Runnable open) {
        opened.add(watching);
        open.run();
        return watching.awaitStartOrEnd();
    }

    void awaitWatches(int count) {
        for (int i = 0; i < 300 && hub.size() != count; i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(count, hub.size());
    }
}
