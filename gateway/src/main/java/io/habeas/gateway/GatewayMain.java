package io.habeas.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the gateway with Quarkus's own URI check off: it answers a broken percent escape
 * ({@code ?cursor=%%%}) with an empty 400 before any route, where rest/QueryText answers
 * problem+json naming the parameter. Tests set the same property in the surefire configuration.
 */
@QuarkusMain
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
