package io.habeas.gateway.client;

import io.habeas.gateway.api.MissingSource;
import java.util.List;

/** No backend could answer: 504 when all of them timed out, 503 otherwise. */
public class BackendsUnavailable extends RuntimeException {

    private final List<MissingSource> missing;
    private final boolean timedOut;

    public BackendsUnavailable(List<MissingSource> missing, boolean timedOut) {
        super("No backend could answer", null, false, false);
        this.missing = missing;
        this.timedOut = timedOut;
    }

    public List<MissingSource> missing() {
        return missing;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
