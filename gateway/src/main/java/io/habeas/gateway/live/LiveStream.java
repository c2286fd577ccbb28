package io.habeas.gateway.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.habeas.gateway.GatewayConfig;
import io.habeas.gateway.api.LiveEnd;
import io.habeas.gateway.api.LiveEventData;
import io.habeas.kernel.paging.QueryFingerprint;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A live timeline as Server-Sent Events text: the watches merged as their changes arrive, each change the
 * caller is shown one event whose id seals every watch's resume point just after it, heartbeat comments in
 * between, and, when the stream ends other than by the client leaving, one last event saying why
 * ({@link LiveEnds}). Bounded: at most {@code habeas.gateway.live.buffer} events wait for a client that does
 * not read; past it the watches are cancelled and the stream ends as too slow, with the id of the last event
 * handed to the connection, and a client that still does not take that is disconnected after the stall
 * timeout. A client that leaves cancels every watch.
 */
@ApplicationScoped
public class LiveStream {

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    /** What passes through the stream: a change read by its watch, the start of them all (ready), or a heartbeat. */
    private record Signal(LiveChange change, String id, boolean ready) {
        static final Signal HEARTBEAT = new Signal(null, null, false);

        boolean sent() {
            return change == null || change.shown() || ready;
        }
    }

    /**
     * @param stream what every id is bound to
     * @param from each watch's resume point, by source id (none: from now on)
     * @param expires when the caller's token expires (null: no expiry): the stream ends then
     * @param disconnect closes the client's connection
     */
    public Multi<String> events(QueryFingerprint stream, List<LiveSource> sources, Map<String, String> from, Instant expires,
            Runnable disconnect) {
        Map<String, String> positions = new LinkedHashMap<>(from);
        Set<String> started = new HashSet<>();
        AtomicReference<String> lastId = new AtomicReference<>(ResumePoints.seal(stream, positions));
        List<Multi<Signal>> parts = new ArrayList<>();
        for (LiveSource source : sources) {
            parts.add(source.watch().apply(positions.getOrDefault(source.id(), ""))
                    .map(change -> new Signal(change, null, false))
                    .onFailure().transform(f -> new LiveEnds.SourceEnded(source.backend(), f)));
        }
        parts.add(Multi.createFrom().ticks().every(config.live().heartbeat()).onOverflow().drop().map(t -> Signal.HEARTBEAT));
        if (expires != null) {
            Duration left = Duration.between(Instant.now(), expires);
            parts.add(Uni.createFrom().item(Signal.HEARTBEAT).onItem().delayIt().by(left.isNegative() ? Duration.ZERO : left)
                    .onItem().<Signal>failWith(LiveEnds.TokenExpired::new).toMulti());
        }
        Multi<String> events = Multi.createBy().merging().streams(parts)
                .map(signal -> signal.change() == null ? signal
                        : advance(stream, positions, signal.change(), started, sources.size()))
                .select().where(Signal::sent)
                .onOverflow().buffer(config.live().buffer())
                .invoke(signal -> {
                    if (signal.id() != null) {
                        lastId.set(signal.id());
                    }
                })
                .map(this::text)
                .onFailure().recoverWithItem(f -> end(f, lastId.get(), disconnect));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(": live\n\n"), events);
    }

    /**
     * The watch's resume point moves past the change; a change the caller is shown gets the id of where all
     * stand now, and so does the start of the last watch to start: from then on the client holds an id that
     * loses nothing, even before any change comes.
     */
    private static Signal advance(QueryFingerprint stream, Map<String, String> positions, LiveChange change,
            Set<String> started, int sources) {
        positions.put(change.source(), change.resumeToken());
        boolean ready = change.isStart() && started.add(change.source()) && started.size() == sources;
        return new Signal(change, change.shown() || ready ? ResumePoints.seal(stream, positions) : null, ready);
    }

    private String text(Signal signal) {
        LiveChange c = signal.change();
        if (c == null) {
            return ": heartbeat\n\n";
        }
        if (signal.ready()) {
            return frame(signal.id(), "ready", new LiveEventData("ready", null, null, null));
        }
        String id = c.event() != null ? c.event().id() : c.retractedId();
        return frame(signal.id(), c.kind().eventName(), new LiveEventData(c.kind().eventName(), id, c.sortKey(), c.event()));
    }

    private String end(Throwable failure, String lastId, Runnable disconnect) {
        LiveEnds.End end = LiveEnds.of(failure);
        if (end.cutOff()) {
            Uni.createFrom().voidItem().onItem().delayIt().by(config.live().stallTimeout()).subscribe()
                    .with(x -> disconnect.run());
        }
        LiveEnd data = new LiveEnd(end.reason(), end.service(), end.resumable());
        return frame(end.resumable() ? lastId : null, end.reload() ? "reload" : "end", data);
    }

    /** One SSE event: its id line only when it has one (a client keeps the last id it got). */
    private String frame(String id, String name, Object data) {
        StringBuilder out = new StringBuilder();
        if (id != null) {
            out.append("id: ").append(id).append('\n');
        }
        out.append("event: ").append(name).append('\n');
        try {
            out.append("data: ").append(json.writeValueAsString(data)).append("\n\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a live event could not be written as JSON", e);
        }
        return out.toString();
    }
}
