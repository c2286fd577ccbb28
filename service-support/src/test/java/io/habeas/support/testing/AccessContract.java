package io.habeas.support.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.support.access.VerifiedTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, for every method of every service a service serves, found from the services'
 * descriptors so that a new method is covered without a new test. Each call sends the method's
 * empty request: the security check comes before any validation, so a refused call is refused
 * for its token alone, and an allowed write fails validation and stores nothing.
 *
 * <p>The policy, restated from the method names: Retract* and Restore* need admin; the other
 * writes (Create*, Update*, Change*, Import*) recorder or admin; every read any of the four roles, except
 * the read audit's, which admins only may list.
 */
public abstract class AccessContract {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private ManagedChannel channel;
    private int port;
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    /** The services this service serves, such as PersonServiceGrpc.getServiceDescriptor(). */
    protected abstract List<ServiceDescriptor> services();

    @BeforeEach
    void connect() {
        port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** The least role a method needs. */
    static Role leastRoleFor(MethodDescriptor<?, ?> method) {
        String name = method.getBareMethodName();
        if (name.startsWith("Retract") || name.startsWith("Restore")
                || "habeas.audit.v1.ReadAuditService".equals(method.getServiceName())) {
            return Role.ADMIN;
        }
        if (name.startsWith("Create") || name.startsWith("Update") || name.startsWith("Change") || name.startsWith("Import")) {
            return Role.RECORDER;
        }
        return Role.VIEWER;
    }

    @Test
    void everyMethodRefusesACallWithoutAToken() {
        for (MethodDescriptor<?, ?> method : methods()) {
            assertEquals(Status.Code.UNAUTHENTICATED, call(method, null), method.getFullMethodName());
        }
    }

    @Test
    void everyMethodRefusesATokenThatFailsVerification() {
        for (Map.Entry<String, String> refused : TestTokens.refused().entrySet()) {
            for (MethodDescriptor<?, ?> method : methods()) {
                assertEquals(Status.Code.UNAUTHENTICATED, call(method, refused.getValue()),
                        method.getFullMethodName() + " with a token of " + refused.getKey());
            }
        }
    }

    @Test
    void aTokenWithoutAHabeasRoleIsPermissionDenied() {
        String noRole = TestTokens.withGroups("someone@habeas.test", "editors");
        for (MethodDescriptor<?, ?> method : methods()) {
            assertEquals(Status.Code.PERMISSION_DENIED, call(method, noRole), method.getFullMethodName());
        }
    }

    @Test
    void aTokenIsVerifiedOnceForEveryCallThatCarriesIt() {
        String token = TestTokens.withGroups("verified-once@habeas.test", Role.ADMIN.claim());
        long before = VerifiedTokens.verifications();
        for (MethodDescriptor<?, ?> method : methods()) {
            assertTrue(call(method, token) != Status.Code.UNAUTHENTICATED, method.getFullMethodName());
        }
        assertEquals(1, VerifiedTokens.verifications() - before);
    }

    @Test
    void eachRoleCallsExactlyTheMethodsItsRankAllows() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            String token = TestTokens.of(role);
            for (MethodDescriptor<?, ?> method : methods()) {
                boolean allowed = role.ordinal() >= leastRoleFor(method).ordinal();
                Status.Code code = call(method, token);
                boolean refused = code == Status.Code.PERMISSION_DENIED || code == Status.Code.UNAUTHENTICATED;
                if (allowed == refused) {
                    wrong.add(role + " " + method.getFullMethodName() + ": " + code);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void healthAndMetricsNeedNoTokenOnTheManagementPortOnly() throws Exception {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.getStatus());
        URI management = URI.create(managementRoot.toString());
        URI main = URI.create("http://localhost:" + port);
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics")) {
            assertEquals(200, get(management.resolve(path), null), path);
            // a bad token on an open path is ignored, not refused
            assertEquals(200, get(management.resolve(path), "not-a-jwt"), path + " with a bad token");
            assertEquals(404, get(main.resolve(path), null), path + " on the gRPC port");
        }
    }

    private int get(URI url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private List<MethodDescriptor<?, ?>> methods() {
        List<MethodDescriptor<?, ?>> methods = new ArrayList<>();
        services().forEach(service -> methods.addAll(service.getMethods()));
        assertFalse(methods.isEmpty());
        return methods;
    }

    /**
     * The code an empty request to this method ends with (OK if it succeeds); with this bearer unless
     * null. A streaming method gets it as its one message, then the end of the stream.
     */
    private <Q, R> Status.Code call(MethodDescriptor<Q, R> method, String token) {
        @SuppressWarnings("unchecked")
        Q request = (Q) ((MethodDescriptor.PrototypeMarshaller<Q>) method.getRequestMarshaller()).getMessagePrototype();
        io.grpc.Channel target = channel;
        if (token != null) {
            Metadata headers = new Metadata();
            headers.put(Bearer.AUTHORIZATION, "Bearer " + token);
            target = io.grpc.ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
        }
        try {
            ClientCalls.blockingUnaryCall(target, method, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), request);
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            assertTrue(e.getStatus().getCode() != Status.Code.UNKNOWN, method.getFullMethodName() + ": " + e.getStatus());
            return e.getStatus().getCode();
        }
    }
}
