package io.habeas.support.grpc;

import com.google.protobuf.Message;

/**
 * A record as its Get method answers the caller now, by resource name: how a replayed write shows
 * what it wrote ({@link IdempotentCalls}). Each service implements it through its Get paths.
 */
public interface CurrentRecords {
    /**
     * The record named, as the caller's Get of it answers now: its current state, or NOT_FOUND
     * exactly as Get when it is hidden from the caller or gone.
     */
    Message read(String name);
}
