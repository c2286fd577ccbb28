package io.habeas.gateway.client;

/** The services the gateway reads from, named as they appear in partial answers. */
public enum Backend {
    DETENTION("detention-service"),
    STATEMENT("statement-service");

    private final String serviceName;

    Backend(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
