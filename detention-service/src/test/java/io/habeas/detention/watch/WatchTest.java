package io.habeas.detention.watch;

import io.habeas.kernel.testing.Watching;

import io.habeas.detention.service.FeedWatches;
import io.habeas.detention.support.Fixtures;
import io.habeas.detention.v1.CreateDetentionRequest;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.FeedWatchServiceGrpc;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.WatchCountryFeedRequest;
import io.habeas.detention.v1.WatchCountryFeedResponse;
import io.habeas.detention.v1.WatchPersonFeedRequest;
import io.habeas.detention.v1.WatchPersonFeedResponse;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.Bearer;
import io.quarkus.grpc.GrpcClient;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Watches through the real stub, each registered on the server before the test writes. */
abstract class WatchTest extends GrpcTest {
    @GrpcClient("watches")
    io.grpc.Channel channel;
    @Inject
    FeedWatches hub;
    private final List<Watching<?>> opened = new ArrayList<>();

    @AfterEach
    void cancelWatches() throws InterruptedException {
        opened.forEach(Watching::cancel);
        opened.clear();
        for (int i = 0; i < 100 && hub.size() > 0; i++) {
            Thread.sleep(50);
        }
    }

    Watching<WatchPersonFeedResponse> watchPerson(Role role, String person, String resumeToken, boolean taking) {
        Watching<WatchPersonFeedResponse> watching = new Watching<>(taking);
        return registered(watching, () -> Bearer.as(FeedWatchServiceGrpc.newStub(channel), role).watchPersonFeed(WatchPersonFeedRequest.newBuilder()
                .setPerson(person).setResumeToken(resumeToken).build(), watching));
    }

    Watching<WatchPersonFeedResponse> watchPerson(Role role, String person, String resumeToken) {
        return watchPerson(role, person, resumeToken, true);
    }

    Watching<WatchCountryFeedResponse> watchCountry(Role role, String country, String resumeToken) {
        Watching<WatchCountryFeedResponse> watching = new Watching<>(true);
        return registered(watching, () -> Bearer.as(FeedWatchServiceGrpc.newStub(channel), role).watchCountryFeed(WatchCountryFeedRequest.newBuilder()
                .setDetainingCountry(country).setResumeToken(resumeToken).build(), watching));
    }

    /** Opens the watch and waits until the server holds it (its first response came), or it has ended (refused). */
    <R> Watching<R> registered(Watching<R> watching, Runnable open) {
        opened.add(watching);
        open.run();
        return watching.awaitStartOrEnd();
    }

    /** A detention, which may run at once with the person's others: the tests need several items. */
    @Override
    protected Detention createDetention(Detention.Builder detention) {
        return detentions.createDetention(CreateDetentionRequest.newBuilder().setDetention(detention).setAllowConcurrent(true)
                .setRequestId(Fixtures.requestId()).build()).getDetention();
    }

    /** The person's feed as ListPersonFeed gives it to an admin. */
    List<FeedItem> listed(String person) {
        return detentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person).build()).getItemsList();
    }
}
