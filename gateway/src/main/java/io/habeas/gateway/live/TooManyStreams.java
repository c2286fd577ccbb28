package io.habeas.gateway.live;

/** A live stream refused before it starts: its caller, or this instance, holds as many as allowed (429). */
public class TooManyStreams extends RuntimeException {

    public TooManyStreams(String message) {
        super(message, null, false, false);
    }
}
