package io.habeas.statement.support;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import com.google.protobuf.Timestamp;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.RecordState;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.ListDetentionsResponse;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.ListPersonsResponse;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.support.records.UuidV7;
import jakarta.json.Json;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain grpc-java server standing in for detention-service's PersonService: ListPersons with
 * the persons filter answers which of them the caller may see, by the level the test gave each
 * person (with as_of: the level it had then, and the one it has now, must both be cleared)
 * person and the roles in the caller's token (read, not verified: the token reached it through
 * statement-service, which verified it). Persons the test retracts are listed only with show_retracted,
 * with state RETRACTED, as RetractPerson leaves them. Tests make it fail with UNAVAILABLE, answer too late,
 * refuse every token, or stop; it keeps the bearer, the traceparent and the persons of every call.
 *
 * <p>Its DetentionService answers ListDetentions with the persons filter as the real one does: the
 * detentions the test recorded ({@link #detain}, {@link #end}) of those persons, each shown when the
 * caller clears its level and may see its person (as of the request's as_of: as the detention was
 * then, recorded by then), in start order, in pages of at most {@value #MAX_PAGE}; at most
 * {@value #MAX_PAGE} persons a call.
 */
public class FakeDetention {
    /**
     * How it answers; LIST_DETENTIONS_UNAVAILABLE fails ListDetentions only, after the persons were checked;
     * LATE answers after {@value #LATE_MILLIS} ms, within statement-service's deadline but after a hasty caller's.
     */
    public enum Mode { SERVE, UNAVAILABLE, SLOW, LATE, REFUSE_TOKEN, LIST_DETENTIONS_UNAVAILABLE }

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<Clearance> CLEARANCE = Context.key("clearance");

    /** How long a SLOW answer takes: well beyond the test deadline of statement-service. */
    public static final long SLOW_MILLIS = 5000;
    /** How long a LATE answer takes: within the test deadline of statement-service (1.5 s). */
    public static final long LATE_MILLIS = 700;
    /** Detention-service's largest ListPersons page. */
    static final int MAX_PAGE = 200;

    private final Map<String, AccessLevel> persons = new ConcurrentHashMap<>();
    /** Each person's levels oldest first, with the instant each was given. */
    private final Map<String, List<Map.Entry<Instant, AccessLevel>>> levels = new ConcurrentHashMap<>();
    private final List<Timestamp> asOfs = new CopyOnWriteArrayList<>();
    private final Set<String> retracted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> bearers = new CopyOnWriteArrayList<>();
    private final List<String> traceparents = new CopyOnWriteArrayList<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    /** Each detention's versions oldest first (recorded, then ended), with the instant each was given. */
    private final Map<String, List<Map.Entry<Instant, Detention>>> detentions = new ConcurrentHashMap<>();
    private final AtomicInteger detentionLists = new AtomicInteger();
    private final List<Integer> detentionPersonCounts = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.SERVE;
    private final int port;
    private Server server;

    public FakeDetention() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        ServerInterceptor asCaller = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                String bearer = headers.get(AUTHORIZATION);
                bearers.add(String.valueOf(bearer));
                traceparents.add(String.valueOf(headers.get(TRACEPARENT)));
                Clearance clearance = clearance(bearer);
                if (mode == Mode.REFUSE_TOKEN || clearance == null) {
                    calls.incrementAndGet();
                    call.close(Status.UNAUTHENTICATED.withDescription("a valid bearer token is required"), new Metadata());
                    return new ServerCall.Listener<>() {
                    };
                }
                return Contexts.interceptCall(Context.current().withValue(CLEARANCE, clearance), call, headers, next);
            }
        };
        try {
            server = ServerBuilder.forPort(port).addService(ServerInterceptors.intercept(new PersonServiceGrpc.PersonServiceImplBase() {
                @Override
                public void listPersons(ListPersonsRequest request, StreamObserver<ListPersonsResponse> answer) {
                    calls.incrementAndGet();
                    asked.addAll(request.getPersonsList());
                    if (request.hasAsOf()) {
                        asOfs.add(request.getAsOf());
                    }
                    switch (mode) {
                        case UNAVAILABLE -> answer.onError(Status.UNAVAILABLE.withDescription("stand-in is down").asRuntimeException());
                        case SLOW, LATE -> {
                            sleep(delayIn(mode));
                            reply(request, CLEARANCE.get(), answer);
                        }
                        default -> reply(request, CLEARANCE.get(), answer);
                    }
                }
            }, asCaller)).addService(ServerInterceptors.intercept(new DetentionServiceGrpc.DetentionServiceImplBase() {
                @Override
                public void listDetentions(ListDetentionsRequest request, StreamObserver<ListDetentionsResponse> answer) {
                    calls.incrementAndGet();
                    detentionLists.incrementAndGet();
                    detentionPersonCounts.add(request.getPersonsCount());
                    if (request.hasAsOf()) {
                        asOfs.add(request.getAsOf());
                    }
                    switch (mode) {
                        case UNAVAILABLE, LIST_DETENTIONS_UNAVAILABLE ->
                                answer.onError(Status.UNAVAILABLE.withDescription("stand-in is down").asRuntimeException());
                        case SLOW, LATE -> {
                            sleep(delayIn(mode));
                            replyDetentions(request, CLEARANCE.get(), answer);
                        }
                        default -> replyDetentions(request, CLEARANCE.get(), answer);
                    }
                }
            }, asCaller)).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Back to a running server that knows nobody and answers at once. */
    public void reset() {
        if (!isRunning()) {
            start();
        }
        persons.clear();
        levels.clear();
        asOfs.clear();
        retracted.clear();
        calls.set(0);
        bearers.clear();
        traceparents.clear();
        asked.clear();
        detentions.clear();
        detentionLists.set(0);
        detentionPersonCounts.clear();
        mode = Mode.SERVE;
    }

    /** A new PUBLIC person that detention-service knows: "persons/{id}". */
    public String knownPerson() {
        return knownPerson(AccessLevel.PUBLIC);
    }

    /** A new person at this level. */
    public String knownPerson(AccessLevel level) {
        String name = "persons/" + UuidV7.next(); // as detention-service ids them: in recording order
        reclassify(name, level);
        return name;
    }

    /** A new PUBLIC detention of the person by the country, ongoing (pre-trial) from start: "detentions/{id}". */
    public String detain(String person, String country, PartialDate start) {
        return detain(person, country, start, AccessLevel.PUBLIC);
    }

    /** A new ongoing detention at this level. */
    public String detain(String person, String country, PartialDate start, AccessLevel level) {
        String name = "detentions/" + UuidV7.next();
        record(Detention.newBuilder().setName(name).setPerson(person).setDetainingCountry(country).setStartDate(start)
                .setInitialStatus(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY)
                .setCurrentStatus(CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION).setOngoing(true)
                .setAccessLevel(CommonProtos.accessLevel(level)).setState(RecordState.RECORD_STATE_ACTIVE).build());
        return name;
    }

    /** From now on the detention stands at this status: a final one (released, deceased, escaped) ends it on that date. */
    public void end(String detention, CustodyStatus status, PartialDate on) {
        Detention current = latest(detention, null);
        boolean last = status == CustodyStatus.CUSTODY_STATUS_RELEASED || status == CustodyStatus.CUSTODY_STATUS_DECEASED
                || status == CustodyStatus.CUSTODY_STATUS_ESCAPED;
        Detention.Builder changed = current.toBuilder().setCurrentStatus(status).setOngoing(!last);
        if (last) {
            changed.setEndDate(on);
        }
        record(changed.build());
    }

    /** ListDetentions calls since the last reset, and how many persons each named. */
    public int detentionLists() {
        return detentionLists.get();
    }

    public List<Integer> detentionPersonCounts() {
        return List.copyOf(detentionPersonCounts);
    }

    private void record(Detention version) {
        detentions.computeIfAbsent(version.getName(), d -> new CopyOnWriteArrayList<>()).add(Map.entry(Instant.now(), version));
    }

    /** The detention as it was at the instant (now when null); null when not recorded by then. */
    private Detention latest(String detention, Instant at) {
        Detention found = null;
        for (var version : detentions.getOrDefault(detention, List.of())) {
            if (at == null || !version.getKey().isAfter(at)) {
                found = version.getValue();
            }
        }
        return found;
    }

    /** The person's level from now on: as of an earlier instant it keeps the one it had then. */
    public void reclassify(String person, AccessLevel level) {
        persons.put(person, level);
        levels.computeIfAbsent(person, p -> new CopyOnWriteArrayList<>()).add(Map.entry(Instant.now(), level));
    }

    /** The as_of of every call that had one since the last reset. */
    public List<Timestamp> asOfs() {
        return List.copyOf(asOfs);
    }

    /** detention-service no longer shows the person to anyone (removed, or its level raised beyond every role). */
    public void forget(String person) {
        persons.remove(person);
    }

    /** detention-service retracts the person (RetractPerson): listed only with show_retracted, as RETRACTED. */
    public void retract(String person) {
        retracted.add(person);
    }

    /** The person is active again (RestorePerson to an active revision). */
    public void reinstate(String person) {
        retracted.remove(person);
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public int calls() {
        return calls.get();
    }

    /** The Authorization header of every call since the last reset ("null" when there was none). */
    public List<String> bearers() {
        return List.copyOf(bearers);
    }

    /** The W3C traceparent header of every call ("null" for none). */
    public List<String> traceparents() {
        return List.copyOf(traceparents);
    }

    /** Every person named in a persons filter since the last reset, in the order asked. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    private void reply(ListPersonsRequest request, Clearance clearance, StreamObserver<ListPersonsResponse> answer) {
        if (request.getPersonsCount() == 0 || request.getPersonsCount() > 1000) {
            answer.onError(Status.INVALID_ARGUMENT.withDescription("persons: name 1 to 1000").asRuntimeException());
            return;
        }
        List<String> seen = request.getPersonsList().stream().distinct()
                .filter(name -> persons.containsKey(name) && clearance.clears(persons.get(name)))
                .filter(name -> !request.hasAsOf() || knownAndCleared(name, request.getAsOf(), clearance))
                .filter(name -> request.getShowRetracted() || !retracted.contains(name)).toList();
        int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken());
        int size = request.getPageSize() == 0 ? 50 : Math.min(request.getPageSize(), MAX_PAGE);
        int to = Math.min(seen.size(), from + size);
        ListPersonsResponse.Builder page = ListPersonsResponse.newBuilder()
                .setNextPageToken(to < seen.size() ? Integer.toString(to) : "");
        seen.subList(from, to).forEach(name -> page.addPersons(Person.newBuilder().setName(name).setDisplayName("Someone")
                .setAccessLevel(CommonProtos.accessLevel(persons.get(name)))
                .setState(retracted.contains(name) ? RecordState.RECORD_STATE_RETRACTED : RecordState.RECORD_STATE_ACTIVE)));
        answer.onNext(page.build());
        answer.onCompleted();
    }

    private void replyDetentions(ListDetentionsRequest request, Clearance clearance,
            StreamObserver<ListDetentionsResponse> answer) {
        if (request.getPersonsCount() == 0 || request.getPersonsCount() > MAX_PAGE) {
            answer.onError(Status.INVALID_ARGUMENT.withDescription("persons: name at most 200").asRuntimeException());
            return;
        }
        Instant at = request.hasAsOf() ? Instant.ofEpochSecond(request.getAsOf().getSeconds(), request.getAsOf().getNanos())
                : null;
        List<Detention> seen = new ArrayList<>();
        for (String name : detentions.keySet()) {
            Detention then = latest(name, at);
            Detention now = latest(name, null);
            String person = now.getPerson();
            boolean personSeen = persons.containsKey(person) && clearance.clears(persons.get(person))
                    && !retracted.contains(person) && (at == null || knownAndCleared(person, request.getAsOf(), clearance));
            if (then != null && request.getPersonsList().contains(person) && personSeen
                    && clearance.clears(CommonProtos.accessLevel(then.getAccessLevel()))
                    && clearance.clears(CommonProtos.accessLevel(now.getAccessLevel()))) {
                seen.add(then);
            }
        }
        seen.sort(Comparator.comparing((Detention d) -> latestDay(d.getStartDate())).thenComparing(Detention::getName));
        int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken());
        int size = request.getPageSize() == 0 ? 50 : Math.min(request.getPageSize(), MAX_PAGE);
        int to = Math.min(seen.size(), from + size);
        answer.onNext(ListDetentionsResponse.newBuilder().addAllDetentions(seen.subList(from, to))
                .setNextPageToken(to < seen.size() ? Integer.toString(to) : "").build());
        answer.onCompleted();
    }

    private static java.time.LocalDate latestDay(PartialDate date) {
        return io.habeas.kernel.proto.CommonProtos.date(date).latest();
    }

    /** Whether the person was known at the instant, at a level the caller clears. */
    private boolean knownAndCleared(String person, Timestamp asOf, Clearance clearance) {
        Instant at = Instant.ofEpochSecond(asOf.getSeconds(), asOf.getNanos());
        AccessLevel level = null;
        for (var given : levels.getOrDefault(person, List.of())) {
            if (!given.getKey().isAfter(at)) {
                level = given.getValue();
            }
        }
        return level != null && clearance.clears(level);
    }

    /** The roles in a bearer JWT's groups claim; null when it is no JWT. */
    private static Clearance clearance(String bearer) {
        if (bearer == null || !bearer.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = bearer.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8)))) {
            var claims = reader.readObject();
            return Clearance.of(claims.containsKey("groups") ? claims.getJsonArray("groups").getValuesAs(JsonString.class)
                    .stream().map(JsonString::getString).toList() : List.of());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long delayIn(Mode mode) {
        return mode == Mode.SLOW ? SLOW_MILLIS : LATE_MILLIS;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
