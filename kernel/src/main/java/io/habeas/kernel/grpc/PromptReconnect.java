package io.habeas.kernel.grpc;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a client from waiting out grpc-java's reconnect backoff, which grows to two minutes: a
 * backend instance that was killed and started again (or whose connection failed for any reason)
 * would otherwise be tried again only when its backoff ends, many seconds after it is ready. Every
 * {@link #INTERVAL} each channel's connections in transient failure are tried at once, which costs
 * one refused connection attempt per instance that is still down, and nothing for those that are up.
 */
public final class PromptReconnect implements AutoCloseable {
    public static final Duration INTERVAL = Duration.ofSeconds(1);

    private final ScheduledExecutorService timer;

    private PromptReconnect(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts trying the channels' failed connections every interval, until {@link #close}. */
    public static PromptReconnect of(List<? extends Channel> channels, Duration interval) {
        List<ManagedChannel> managed = channels.stream().map(PromptReconnect::managed).toList();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "grpc-prompt-reconnect");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> managed.forEach(ManagedChannel::resetConnectBackoff), millis, millis,
                TimeUnit.MILLISECONDS);
        return new PromptReconnect(timer);
    }

    private static ManagedChannel managed(Channel channel) {
        if (channel instanceof ManagedChannel managed) {
            return managed;
        }
        throw new IllegalArgumentException("not a managed channel, whose reconnects cannot be hastened: " + channel);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
