package io.habeas.suite;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.habeas.kernel.access.Role;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;

/** The packaged applications started as processes on free ports, with one embedded PostgreSQL, for system tests. */
final class RunningSuite implements AutoCloseable {
    final Suite suite;
    final Ports ports;
    final DevTokens tokens;
    private final ManagedChannel detentionChannel;
    private final ManagedChannel statementChannel;

    private RunningSuite(Suite suite, Ports ports, DevTokens tokens) {
        this.suite = suite;
        this.ports = ports;
        this.tokens = tokens;
        detentionChannel = ManagedChannelBuilder.forAddress("localhost", ports.detention()).usePlaintext().build();
        statementChannel = ManagedChannelBuilder.forAddress("localhost", ports.statement()).usePlaintext().build();
    }

    static RunningSuite start(String name) throws Exception {
        return start(name, Database.Durability.FAST, Map.of());
    }

    /** {@code environment}: settings every application gets, such as an OTLP endpoint. */
    static RunningSuite start(String name, Database.Durability durability, Map<String, String> environment)
            throws Exception {
        return start(name, durability, environment, 1);
    }

    /** With {@code backendInstances} of detention-service and of statement-service, behind the gateway. */
    static RunningSuite start(String name, Database.Durability durability, Map<String, String> environment,
            int backendInstances) throws Exception {
        Path data = Files.createTempDirectory(name);
        Ports ports = Ports.ephemeral();
        DevTokens tokens = DevTokens.inFolder(data);
        Suite suite = new Suite(Suite.findRoot(), data.resolve("logs"), ports,
                Database.embedded(data.resolve("postgres"), ports.postgres(), durability), tokens,
                PageTokenKey.inFolder(data), environment, backendInstances);
        try {
            suite.start(message -> System.out.println("[" + name + "] " + message));
        } catch (Exception | Error failed) {
            // Nobody else holds the suite yet: what did start must not outlive the test.
            suite.close();
            throw failed;
        }
        return new RunningSuite(suite, ports, tokens);
    }

    String token(Role role) {
        return tokens.forPerson(role, Duration.ofHours(1));
    }

    /** detention-service's channel without a token. */
    Channel detention() {
        return detentionChannel;
    }

    Channel statement() {
        return statementChannel;
    }

    Channel detention(Role role) {
        return ClientInterceptors.intercept(detentionChannel, DevTokens.bearer(token(role)));
    }

    Channel statement(Role role) {
        return ClientInterceptors.intercept(statementChannel, DevTokens.bearer(token(role)));
    }

    /** detention-service as a named caller: its revisions carry that subject. */
    Channel detention(String subject, Role role) {
        return ClientInterceptors.intercept(detentionChannel, DevTokens.bearer(tokens.forSubject(subject, role,
                Duration.ofHours(1))));
    }

    /** The gateway without a token. */
    RequestSpecification gateway() {
        return given().baseUri("http://localhost:" + ports.gateway()).accept("application/json");
    }

    /** The gateway's URL of a path, for clients other than rest-assured (a live timeline's). */
    String gatewayUrl(String path) {
        return "http://localhost:" + ports.gateway() + path;
    }

    RequestSpecification gateway(Role role) {
        return gateway().header("Authorization", "Bearer " + token(role));
    }

    @Override
    public void close() throws Exception {
        detentionChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        statementChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        suite.close();
    }
}
