package io.habeas.gateway.fake;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.habeas.common.v1.DateRange;
import io.habeas.common.v1.PartialDate;
import io.habeas.detention.v1.*;
import io.habeas.statement.v1.*;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** What the fake backends answer, set by each test. */
public final class Backends {

    public enum Mode { UP, DOWN, SLOW }

    public static volatile Mode detentionMode = Mode.UP;
    public static volatile Mode statementMode = Mode.UP;
    /** When set, every call of that backend fails with this code. */
    public static volatile Status.Code detentionError;
    /** When set with detentionError, the error carries a BadRequest naming this field, as the services' do. */
    public static volatile String detentionErrorField;
    public static final AtomicInteger detentionCalls = new AtomicInteger();
    public static final AtomicInteger statementCalls = new AtomicInteger();
    public static final List<String> calls = new CopyOnWriteArrayList<>();
    /** The page_size of every list call, as "Method=size". */
    public static final List<String> pageSizes = new CopyOnWriteArrayList<>();
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    /** The Authorization header every call must carry, the test's caller's; other calls are UNAUTHENTICATED. */
    public static volatile String expectedBearer;
    /** The Authorization header of every call, per backend ("null" for none). */
    public static final List<String> detentionBearers = new CopyOnWriteArrayList<>();
    public static final List<String> statementBearers = new CopyOnWriteArrayList<>();
    /** The W3C traceparent header of every call, both backends ("null" for none). */
    public static final List<String> traceparents = new CopyOnWriteArrayList<>();

    public static final List<Person> persons = new CopyOnWriteArrayList<>();
    public static final List<Detention> detentions = new CopyOnWriteArrayList<>();
    public static final Map<String, List<Charge>> charges = new HashMap<>();
    public static final List<FeedItem> feed = new CopyOnWriteArrayList<>();
    public static volatile GetCountryStatisticsResponse statistics = GetCountryStatisticsResponse.getDefaultInstance();
    public static final List<ClaimItem> claims = new CopyOnWriteArrayList<>();
    public static final List<Statement> statements = new CopyOnWriteArrayList<>();
    public static final Map<String, GetReleaseCallSummaryResponse> releaseCalls = new HashMap<>();
    /** What GetPersonReleaseOutcome answers, by person; others have none. */
    public static final Map<String, GetPersonReleaseOutcomeResponse> personOutcomes = new ConcurrentHashMap<>();
    /** The rows ListReleaseOutcomes pages through, kept by its scope; and what GetReleaseOutcomeStatistics answers. */
    public static final List<ReleaseOutcome> outcomes = new CopyOnWriteArrayList<>();
    public static volatile ReleaseOutcomeStatistics outcomeStatistics = ReleaseOutcomeStatistics.getDefaultInstance();
    /** The scope of every outcome list or statistics call. */
    public static final List<ReleaseOutcomeScope> outcomeScopes = new CopyOnWriteArrayList<>();
    /** Records their Get method answers besides those in the lists above (custody events, statements, actors, ...), by name. */
    public static final Map<String, Message> records = new ConcurrentHashMap<>();
    /** Each record's revisions, newest first, by the record's name, as its List...Revisions answers them. */
    public static final Map<String, List<? extends Message>> revisions = new ConcurrentHashMap<>();

    /**
     * The as_of of every call, as "Method=2024-03-01T00:00:00Z": "Method=unset" when the request left it
     * unset, "Method=none" when the request has no as_of at all.
     */
    public static final List<String> asOfs = new CopyOnWriteArrayList<>();
    /** When records (by name) were recorded: a read as of an earlier instant does not know them. Others: always known. */
    public static final Map<String, Instant> recordedAt = new ConcurrentHashMap<>();
    /** A person's earlier version and the instant it was replaced by the one in persons: reads as of before it see it. */
    public static final Map<String, Map.Entry<Instant, Person>> replacedPersons = new ConcurrentHashMap<>();
    private static final ThreadLocal<Instant> AS_OF = new ThreadLocal<>();

    private Backends() {
    }

    public static void reset() {
        detentionMode = Mode.UP;
        statementMode = Mode.UP;
        detentionError = null;
        detentionErrorField = null;
        detentionCalls.set(0);
        statementCalls.set(0);
        calls.clear();
        pageSizes.clear();
        expectedBearer = null;
        detentionBearers.clear();
        statementBearers.clear();
        traceparents.clear();
        persons.clear();
        detentions.clear();
        charges.clear();
        feed.clear();
        statistics = GetCountryStatisticsResponse.getDefaultInstance();
        claims.clear();
        statements.clear();
        releaseCalls.clear();
        personOutcomes.clear();
        outcomes.clear();
        outcomeStatistics = ReleaseOutcomeStatistics.getDefaultInstance();
        outcomeScopes.clear();
        records.clear();
        revisions.clear();
        asOfs.clear();
        recordedAt.clear();
        replacedPersons.clear();
        FakeWatches.reset();
        FakeWatches.watchedPersons.clear();
    }

    /** Whether the current call, as of its as_of, knows the record of this name. */
    static boolean known(String name) {
        Instant asOf = AS_OF.get();
        Instant recorded = recordedAt.get(name);
        return asOf == null || recorded == null || !recorded.isAfter(asOf);
    }

    /** The person as the current call's as_of knew it: an earlier version, or this one. */
    static Person asKnown(Person current) {
        Instant asOf = AS_OF.get();
        Map.Entry<Instant, Person> earlier = replacedPersons.get(current.getName());
        return asOf != null && earlier != null && asOf.isBefore(earlier.getKey()) ? earlier.getValue() : current;
    }

    /** The name of the record a feed item is about, the one its recordedAt entry uses. */
    static String recordOf(FeedItem item) {
        return switch (item.getRecordCase()) {
            case DETENTION -> item.getDetention().getName();
            case CUSTODY_EVENT -> item.getCustodyEvent().getName();
            case CHARGE -> item.getCharge().getName();
            case INCIDENT -> item.getIncident().getName();
            case COURT_EVENT -> item.getCourtEvent().getName();
            default -> "";
        };
    }

    /** A record's revisions page, as List...Revisions answers (0 means 50, at most 200); NOT_FOUND for no such record. */
    @SuppressWarnings("unchecked")
    static <T> Page<T> revisionsOf(String name, int pageSize, String token) {
        List<T> all = (List<T>) revisions.get(name);
        if (all == null) {
            throw Status.NOT_FOUND.withDescription("no " + name).asRuntimeException();
        }
        return page(all, r -> true, pageSize, token, 50, 200);
    }

    /** A record its Get method answers, from records; NOT_FOUND when unknown (or unknown as of the call's as_of). */
    @SuppressWarnings("unchecked")
    static <T extends Message> T record(String name) {
        Message m = records.get(name);
        if (m == null || !known(name)) {
            throw Status.NOT_FOUND.withDescription("no " + name).asRuntimeException();
        }
        return (T) m;
    }

    /** Keeps each call's bearer and traceparent and, like the real services, refuses a call without the expected one. */
    static ServerInterceptor bearerCheck(boolean detention) {
        Metadata.Key<String> authorization = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
        Metadata.Key<String> traceparent = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                String bearer = headers.get(authorization);
                traceparents.add(String.valueOf(headers.get(traceparent)));
                (detention ? detentionBearers : statementBearers).add(String.valueOf(bearer));
                if (expectedBearer != null && !expectedBearer.equals(bearer)) {
                    call.close(Status.UNAUTHENTICATED.withDescription("the caller's token did not arrive"), new Metadata());
                    return new ServerCall.Listener<>() {
                    };
                }
                return next.startCall(call, headers);
            }
        };
    }

    /** Applies a backend's mode: throws its failure, or sleeps past the test deadline. Keeps the request's as_of. */
    static void enter(boolean detention, String method, Message request) {
        (detention ? detentionCalls : statementCalls).incrementAndGet();
        calls.add(method);
        CURRENT.set(method.split(":")[0]);
        FieldDescriptor field = request.getDescriptorForType().findFieldByName("as_of");
        Instant asOf = field != null && request.hasField(field) ? instant((Timestamp) request.getField(field)) : null;
        AS_OF.set(asOf);
        asOfs.add(method.split(":")[0] + "=" + (field == null ? "none" : asOf == null ? "unset" : asOf.toString()));
        Mode mode = detention ? detentionMode : statementMode;
        if (mode == Mode.DOWN) {
            throw Status.UNAVAILABLE.withDescription("fake is down").asRuntimeException();
        }
        if (mode == Mode.SLOW) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (detention && detentionError != null && detentionErrorField != null) {
            throw io.grpc.protobuf.StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                    .setCode(detentionError.value()).setMessage(detentionErrorField + ": <script>quoted input</script>")
                    .addDetails(com.google.protobuf.Any.pack(com.google.rpc.BadRequest.newBuilder()
                            .addFieldViolations(com.google.rpc.BadRequest.FieldViolation.newBuilder()
                                    .setField(detentionErrorField).setDescription("<script>quoted input</script>"))
                            .build()))
                    .build());
        }
        if (detention && detentionError != null) {
            throw Status.fromCode(detentionError).withDescription("fake says " + detentionError).asRuntimeException();
        }
    }

    static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    public static LocalDate latest(PartialDate d) {
        if (d.getMonth() == 0) {
            return LocalDate.of(d.getYear(), 12, 31);
        }
        return d.getDay() == 0 ? YearMonth.of(d.getYear(), d.getMonth()).atEndOfMonth()
                : LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
    }

    static LocalDate earliest(PartialDate d) {
        return LocalDate.of(d.getYear(), d.getMonth() == 0 ? 1 : d.getMonth(), d.getDay() == 0 ? 1 : d.getDay());
    }

    public static int rank(PartialDate d) {
        return d.getMonth() == 0 ? 2 : d.getDay() == 0 ? 1 : 0;
    }

    /** As the services order feeds: last day, then finer first, then recorded order (stable sort). */
    static <T> List<T> ordered(List<T> items, java.util.function.Function<T, PartialDate> date) {
        List<T> out = new ArrayList<>(items);
        out.sort(Comparator.comparing((T t) -> latest(date.apply(t))).thenComparingInt(t -> rank(date.apply(t))));
        return out;
    }

    static boolean overlaps(PartialDate d, DateRange range) {
        if (range.hasStart() && latest(d).isBefore(earliest(range.getStart()))) {
            return false;
        }
        return !(range.hasEnd() && earliest(d).isAfter(latest(range.getEnd())));
    }

    record Page<T>(List<T> items, String next) {
    }

    static <T> Page<T> page(List<T> all, Predicate<T> filter, int pageSize, String token, int defaultSize, int max) {
        pageSizes.add(CURRENT.get() + "=" + pageSize);
        List<T> kept = all.stream().filter(filter).toList();
        int size = pageSize == 0 ? defaultSize : Math.min(pageSize, max);
        int from = token.isEmpty() ? 0 : Integer.parseInt(token);
        int to = Math.min(kept.size(), from + size);
        return new Page<>(kept.subList(Math.min(from, kept.size()), to), to < kept.size() ? Integer.toString(to) : "");
    }
}
