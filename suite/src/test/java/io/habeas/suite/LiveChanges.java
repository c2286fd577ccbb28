package io.habeas.suite;

import io.habeas.kernel.testing.Watching;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a live stream (a gRPC watch or a gateway live timeline) has delivered, as changes of named
 * records or timeline events, whatever the stream: so that one test can read every kind alike.
 */
final class LiveChanges {

    /** A change: the record's resource name (or the timeline event's id) and whether it left the stream's list. */
    record Change(String name, boolean retracted) {
    }

    private final Supplier<Change> poll;
    private final Supplier<String> end;
    private final List<Change> received = new ArrayList<>();

    private LiveChanges(Supplier<Change> poll, Supplier<String> end) {
        this.poll = poll;
        this.end = end;
    }

    /** A started watch: {@code open} starts the call with the observer given, waited for until its start response. */
    static <R> LiveChanges watch(Consumer<Watching<R>> open, Function<R, Change> change, List<AutoCloseable> toClose) {
        Watching<R> watching = new Watching<>(true);
        open.accept(watching);
        toClose.add(watching::cancel);
        watching.started();
        return new LiveChanges(() -> {
            R response = watching.poll();
            return response == null ? null : change.apply(response);
        }, () -> watching.ended() ? "the watch ended: " + watching.end().getStatus() : "the watch is open");
    }

    /** A live timeline whose every watch has started (its ready event came). */
    static LiveChanges timeline(LiveEvents events, List<AutoCloseable> toClose) throws Exception {
        toClose.add(events);
        events.ready();
        return new LiveChanges(() -> {
            LiveEvents.Event event = events.poll();
            return event == null ? null : change(event);
        }, () -> "the stream is open unless an end event came");
    }

    /** added and corrected upsert the event with the data's id, retracted removes it; anything else names itself. */
    private static Change change(LiveEvents.Event event) {
        return switch (event.name()) {
            case "added", "corrected" -> new Change(JsonPath.from(event.data()).getString("id"), false);
            case "retracted" -> new Change(JsonPath.from(event.data()).getString("id"), true);
            default -> new Change(event.name() + " " + event.data(), false);
        };
    }

    /** Takes what has come, until {@code enough} holds or the deadline passes. */
    void takeUntil(Predicate<LiveChanges> enough, Instant deadline) throws InterruptedException {
        while (!enough.test(this) && Instant.now().isBefore(deadline)) {
            Change next = poll.get();
            if (next == null) {
                Thread.sleep(50);
            } else {
                received.add(next);
            }
        }
    }

    /** Takes what has come so far. */
    void takeAll() {
        for (Change next = poll.get(); next != null; next = poll.get()) {
            received.add(next);
        }
    }

    /** The names held after applying every change taken, in order, as a client applies them. */
    Set<String> applied() {
        Set<String> held = new LinkedHashSet<>();
        for (Change change : received) {
            if (change.retracted()) {
                held.remove(change.name());
            } else {
                held.add(change.name());
            }
        }
        return held;
    }

    /** Every name a change taken was about: what the stream told its client exists or existed. */
    List<String> mentioned() {
        return received.stream().map(Change::name).toList();
    }

    /** How the stream stands, for a failure's message. */
    String state() {
        return end.get() + "; received " + received;
    }
}
