package io.habeas.statement.support;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.GetPersonResponse;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain grpc-java server standing in for detention-service's PersonService. Tests decide
 * which persons exist and whether it answers, fails with UNAVAILABLE, or answers too late. Like
 * detention-service it refuses a call without statement-service's own token (UNAUTHENTICATED),
 * and it keeps the bearer of every call it was sent.
 */
public class FakeDetention {
    public enum Mode { SERVE, UNAVAILABLE, SLOW, REFUSE_TOKEN }

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    /** How long a SLOW answer takes: well beyond the test deadline of statement-service. */
    public static final long SLOW_MILLIS = 5000;

    private final Set<String> persons = ConcurrentHashMap.newKeySet();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> bearers = new CopyOnWriteArrayList<>();
    private final String serviceToken;
    private volatile Mode mode = Mode.SERVE;
    private final int port;
    private Server server;

    /** Serves calls that carry this token, statement-service's own. */
    public FakeDetention(String serviceToken) {
        this.serviceToken = serviceToken;
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
        try {
            server = ServerBuilder.forPort(port).addService(ServerInterceptors.intercept(new PersonServiceGrpc.PersonServiceImplBase() {
                @Override
                public void getPerson(GetPersonRequest request, StreamObserver<GetPersonResponse> answer) {
                    calls.incrementAndGet();
                    switch (mode) {
                        case UNAVAILABLE -> answer.onError(Status.UNAVAILABLE.withDescription("stand-in is down").asRuntimeException());
                        case SLOW -> {
                            sleep(SLOW_MILLIS);
                            reply(request, answer);
                        }
                        default -> reply(request, answer);
                    }
                }
            }, new ServerInterceptor() {
                @Override
                public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                        ServerCallHandler<Q, R> next) {
                    String bearer = headers.get(AUTHORIZATION);
                    bearers.add(String.valueOf(bearer));
                    if (mode == Mode.REFUSE_TOKEN || !("Bearer " + serviceToken).equals(bearer)) {
                        calls.incrementAndGet();
                        call.close(Status.UNAUTHENTICATED.withDescription("a valid bearer token is required"), new Metadata());
                        return new ServerCall.Listener<>() {
                        };
                    }
                    return next.startCall(call, headers);
                }
            })).build().start();
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
        calls.set(0);
        bearers.clear();
        mode = Mode.SERVE;
    }

    /** A new person that detention-service knows: "persons/{id}". */
    public String knownPerson() {
        String name = "persons/" + UUID.randomUUID();
        persons.add(name);
        return name;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public int calls() {
        return calls.get();
    }

    /** The token statement-service must send, its own. */
    public String serviceToken() {
        return serviceToken;
    }

    /** The Authorization header of every call since the last reset ("null" when there was none). */
    public List<String> bearers() {
        return List.copyOf(bearers);
    }

    private void reply(GetPersonRequest request, StreamObserver<GetPersonResponse> answer) {
        if (!persons.contains(request.getName())) {
            answer.onError(Status.NOT_FOUND.withDescription(request.getName() + " does not exist").asRuntimeException());
            return;
        }
        answer.onNext(GetPersonResponse.newBuilder()
                .setPerson(Person.newBuilder().setName(request.getName()).setDisplayName("Someone")).build());
        answer.onCompleted();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
