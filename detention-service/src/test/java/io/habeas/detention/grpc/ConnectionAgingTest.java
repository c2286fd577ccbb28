package io.habeas.detention.grpc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.habeas.detention.support.GrpcTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Old connections are retired with GOAWAY, and calls on the same channel go on over a new one. */
@QuarkusTest
@TestProfile(ConnectionAgingTest.ShortConnectionAge.class)
class ConnectionAgingTest extends GrpcTest {

    public static class ShortConnectionAge implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("habeas.grpc.server.max-connection-age", "PT0.5S",
                    "habeas.grpc.server.max-connection-age-grace", "PT2S");
        }
    }

    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    @Test
    void retiresOldConnectionsWithoutFailingCalls() throws InterruptedException {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        try {
            var health = HealthGrpc.newBlockingStub(channel);
            for (int call = 0; call < 4; call++) {
                assertEquals(ServingStatus.SERVING, health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
                Thread.sleep(700);
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        String metrics = given().get(java.net.URI.create(managementRoot.toString()).resolve("/q/metrics")).then().statusCode(200)
                .body(containsString("habeas_grpc_connections_retired_total")).extract().asString();
        double retired = metrics.lines().filter(l -> l.startsWith("habeas_grpc_connections_retired_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertEquals(true, retired >= 2, "retired " + retired + " connections");
    }
}
