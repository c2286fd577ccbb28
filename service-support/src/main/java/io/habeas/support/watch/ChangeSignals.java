package io.habeas.support.watch;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * The instance's one listening connection, outside the pool (a pooled connection would be handed
 * to calls, and a LISTEN lasts as long as its session). Each subscriber is woken on a
 * notification of its channel, which PostgreSQL delivers only on commit, and at least every
 * {@code habeas.watch.poll-interval} anyway: a notification lost while the connection was down, or
 * one from a writer that did not notify, is then picked up by the subscriber's own read. The
 * connection is opened again, every second, after it fails (a database restart).
 */
@ApplicationScoped
public class ChangeSignals {
    private static final Logger LOG = Logger.getLogger(ChangeSignals.class);

    /** What a subscriber does when woken: read what is new, once. */
    private record Subscriber(String channel, Runnable wake) {
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;
    @ConfigProperty(name = "habeas.watch.poll-interval", defaultValue = "1s")
    Duration pollInterval;

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile Thread listener;
    private volatile boolean stopping;

    /** Wakes this subscriber on every notification of the channel, and at every poll interval. */
    public synchronized void subscribe(String channel, Runnable wake) {
        subscribers.add(new Subscriber(channel, wake));
        if (listener == null) {
            listener = WatchHub.daemon("habeas-watch-listener").newThread(this::listen);
            listener.start();
        } // else the listener sees the new subscriber within a poll interval and listens again, with its channel
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        Thread running = listener;
        if (running != null) {
            running.interrupt();
        }
    }

    private void listen() {
        boolean lost = false;
        while (!stopping) {
            try (Connection connection = connect()) {
                lost = false;
                try (Statement statement = connection.createStatement()) {
                    for (String channel : subscribers.stream().map(Subscriber::channel).distinct().toList()) {
                        statement.execute("LISTEN " + channel);
                    }
                }
                wakeAll(null); // what was committed while not listening
                PGConnection notices = connection.unwrap(PGConnection.class);
                int channels = subscribers.size();
                while (!stopping && channels == subscribers.size()) {
                    var notifications = notices.getNotifications((int) pollInterval.toMillis());
                    if (notifications == null || notifications.length == 0) {
                        wakeAll(null);
                    } else {
                        for (var notification : notifications) {
                            wakeAll(notification.getName());
                        }
                    }
                }
            } catch (SQLException e) {
                if (!stopping && !lost) {
                    LOG.warnf("The watch listener lost its database connection (%s); it opens it again every second", e.getMessage());
                }
                lost = true;
            }
            pause();
            wakeAll(null); // while the database is out of reach too: watches still end when their tokens expire
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "habeas-watch-listener");
        return DriverManager.getConnection(url, properties);
    }

    /** Wakes the subscribers of one channel, or of all on a poll. */
    private void wakeAll(String channel) {
        for (Subscriber subscriber : subscribers) {
            if (channel == null || subscriber.channel().equals(channel)) {
                try {
                    subscriber.wake().run();
                } catch (RuntimeException e) {
                    LOG.warn("A watch subscriber failed to wake", e);
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.interrupted(); // a new subscriber or the shutdown: the loop decides
        }
    }
}
