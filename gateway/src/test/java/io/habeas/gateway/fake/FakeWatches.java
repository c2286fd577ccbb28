package io.habeas.gateway.fake;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.habeas.detention.v1.*;
import io.habeas.statement.v1.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * The services' watches as the tests drive them. Each watched feed ("WatchPersonClaims:persons/..", keyed by
 * method and subject) has a log of changes the test publishes; a change's resume token is its position in the
 * log ("3": after the third change). A watch replays the log after its resume token (from now on without one)
 * and then sends each change published while it is open. Like the services, every call needs the caller's
 * token (the interceptor of {@link Backends}), and a test can end the open watches with a status and the
 * ErrorInfo reason and resume_token the protos define.
 */
public final class FakeWatches {

    /** Every watch started, as "Method:subject:resume_token". */
    public static final List<String> started = new CopyOnWriteArrayList<>();
    /** Watches the gateway cancelled (its client left). */
    public static final AtomicInteger cancelled = new AtomicInteger();
    /** Resume tokens before this position answer OUT_OF_RANGE, RESUME_POINT_EXPIRED (changes deleted). */
    public static volatile int retainedFrom;

    private static final Map<String, List<Message>> logs = new ConcurrentHashMap<>();
    private static final List<Watch> open = new CopyOnWriteArrayList<>();

    private FakeWatches() {
    }

    public static void reset() {
        endAll(Status.Code.UNAVAILABLE, "SHUTTING_DOWN");
        started.clear();
        cancelled.set(0);
        retainedFrom = 0;
        logs.clear();
    }

    /** Watches open now. */
    public static int open() {
        return open.size();
    }

    /** Adds a change to the feed's log and sends it to that feed's open watches. */
    public static void publish(String feed, Message change) {
        List<Message> log = logs.computeIfAbsent(feed, k -> new ArrayList<>());
        synchronized (log) {
            log.add(change);
        }
        for (Watch w : open) {
            if (w.feed.equals(feed)) {
                w.drain();
            }
        }
    }

    /** Ends every open watch as a service would: the code, ErrorInfo with the reason and the resume_token. */
    public static void endAll(Status.Code code, String reason) {
        for (Watch w : List.copyOf(open)) {
            w.end(code, reason);
        }
    }

    public static String personFeed(String person) {
        return "WatchPersonFeed:" + person;
    }

    public static String countryFeed(String country) {
        return "WatchCountryFeed:" + country;
    }

    public static String personClaims(String person) {
        return "WatchPersonClaims:" + person;
    }

    public static String claimsAboutPersons() {
        return "WatchClaimsAboutPersons:";
    }

    public static String countryClaims(String country) {
        return "WatchCountryClaims:" + country;
    }

    public static String countryStatements(String country) {
        return "WatchCountryStatements:" + country;
    }

    private static final class Watch {
        final String feed;
        final ServerCallStreamObserver<Message> out;
        final BiFunction<Message, String, Message> response;
        int next;
        boolean ended;

        Watch(String feed, ServerCallStreamObserver<Message> out, BiFunction<Message, String, Message> response, int next) {
            this.feed = feed;
            this.out = out;
            this.response = response;
            this.next = next;
        }

        synchronized void drain() {
            List<Message> log = logs.computeIfAbsent(feed, k -> new ArrayList<>());
            while (!ended && !out.isCancelled()) {
                Message change;
                synchronized (log) {
                    if (next >= log.size()) {
                        return;
                    }
                    change = log.get(next);
                }
                next++;
                out.onNext(response.apply(change, Integer.toString(next)));
            }
        }

        synchronized void end(Status.Code code, String reason) {
            if (ended || out.isCancelled()) {
                open.remove(this);
                return;
            }
            ended = true;
            open.remove(this);
            out.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder().setCode(code.value())
                    .setMessage("fake watch ended: " + reason)
                    .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain("habeas.io")
                            .putMetadata("resume_token", Integer.toString(next)).build()))
                    .build()));
        }
    }

    @SuppressWarnings("unchecked")
    static <R extends Message> void watch(String method, String feed, String resumeToken, Message request,
            StreamObserver<R> responses, BiFunction<Message, String, Message> response) {
        Backends.enter(method.startsWith("WatchPersonFeed") || method.startsWith("WatchCountryFeed"), method, request);
        started.add(feed + ":" + resumeToken);
        List<Message> log = logs.computeIfAbsent(feed, k -> new ArrayList<>());
        int from;
        if (resumeToken.isEmpty()) {
            synchronized (log) {
                from = log.size();
            }
        } else {
            try {
                from = Integer.parseInt(resumeToken);
            } catch (NumberFormatException e) {
                throw Status.INVALID_ARGUMENT.withDescription("resume_token: not one of this watch").asRuntimeException();
            }
            if (from < retainedFrom) {
                throw StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                        .setCode(Status.Code.OUT_OF_RANGE.value()).setMessage("resume point expired")
                        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("RESUME_POINT_EXPIRED").setDomain("habeas.io")
                                .build()))
                        .build());
            }
        }
        ServerCallStreamObserver<Message> out = (ServerCallStreamObserver<Message>) (ServerCallStreamObserver<?>) responses;
        Watch w = new Watch(feed, out, response, from);
        out.setOnCancelHandler(() -> {
            if (open.remove(w)) {
                cancelled.incrementAndGet();
            }
        });
        open.add(w);
        // As the services do: first the point the watch starts from, without a change.
        Message start = STARTS.get(method);
        out.onNext(start.newBuilderForType().setField(start.getDescriptorForType().findFieldByName("resume_token"),
                Integer.toString(from)).build());
        w.drain();
    }

    /** Each watch's response type, of which its first response is one with only the resume_token. */
    private static final Map<String, Message> STARTS = Map.of(
            "WatchPersonFeed", WatchPersonFeedResponse.getDefaultInstance(),
            "WatchCountryFeed", WatchCountryFeedResponse.getDefaultInstance(),
            "WatchPersonClaims", WatchPersonClaimsResponse.getDefaultInstance(),
            "WatchClaimsAboutPersons", WatchClaimsAboutPersonsResponse.getDefaultInstance(),
            "WatchCountryClaims", WatchCountryClaimsResponse.getDefaultInstance(),
            "WatchCountryStatements", WatchCountryStatementsResponse.getDefaultInstance());

    public static class Feeds extends FeedWatchServiceGrpc.FeedWatchServiceImplBase {
        @Override
        public void watchPersonFeed(WatchPersonFeedRequest request, StreamObserver<WatchPersonFeedResponse> responses) {
            watch("WatchPersonFeed", personFeed(request.getPerson()), request.getResumeToken(), request, responses,
                    (c, t) -> WatchPersonFeedResponse.newBuilder().setChange((FeedChange) c).setResumeToken(t).build());
        }

        @Override
        public void watchCountryFeed(WatchCountryFeedRequest request, StreamObserver<WatchCountryFeedResponse> responses) {
            watch("WatchCountryFeed", countryFeed(request.getDetainingCountry()), request.getResumeToken(), request,
                    responses, (c, t) -> WatchCountryFeedResponse.newBuilder().setChange((FeedChange) c).setResumeToken(t).build());
        }
    }

    public static class Claims extends ClaimWatchServiceGrpc.ClaimWatchServiceImplBase {
        @Override
        public void watchPersonClaims(WatchPersonClaimsRequest request, StreamObserver<WatchPersonClaimsResponse> responses) {
            watch("WatchPersonClaims", personClaims(request.getPerson()), request.getResumeToken(), request, responses,
                    (c, t) -> WatchPersonClaimsResponse.newBuilder().setChange((ClaimChange) c).setResumeToken(t).build());
        }

        /** One log for any set of persons; the persons asked for are kept in {@link #started}'s neighbour, watchedPersons. */
        @Override
        public void watchClaimsAboutPersons(WatchClaimsAboutPersonsRequest request,
                StreamObserver<WatchClaimsAboutPersonsResponse> responses) {
            watchedPersons.add(List.copyOf(request.getPersonsList()));
            watch("WatchClaimsAboutPersons", claimsAboutPersons(), request.getResumeToken(), request, responses,
                    (c, t) -> WatchClaimsAboutPersonsResponse.newBuilder().setChange((ClaimChange) c).setResumeToken(t).build());
        }

        @Override
        public void watchCountryClaims(WatchCountryClaimsRequest request, StreamObserver<WatchCountryClaimsResponse> responses) {
            watch("WatchCountryClaims", countryClaims(request.getCountry()), request.getResumeToken(), request, responses,
                    (c, t) -> WatchCountryClaimsResponse.newBuilder().setChange((ClaimChange) c).setResumeToken(t).build());
        }

        @Override
        public void watchCountryStatements(WatchCountryStatementsRequest request,
                StreamObserver<WatchCountryStatementsResponse> responses) {
            watch("WatchCountryStatements", countryStatements(request.getCountry()), request.getResumeToken(), request,
                    responses, (c, t) -> WatchCountryStatementsResponse.newBuilder().setChange((StatementChange) c)
                            .setResumeToken(t).build());
        }
    }

    /** The persons of every WatchClaimsAboutPersons. */
    public static final List<List<String>> watchedPersons = new CopyOnWriteArrayList<>();
}
