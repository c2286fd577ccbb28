package io.habeas.support.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What the service logs while a test runs (its JBoss log manager is the JVM's): records at INFO and above. */
public final class CapturedLog extends Handler implements AutoCloseable {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private CapturedLog() {
        setLevel(Level.INFO);
    }

    public static CapturedLog start() {
        CapturedLog log = new CapturedLog();
        Logger.getLogger("").addHandler(log);
        return log;
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Records from this logger (a class's name or a category) at WARNING or above. */
    public List<LogRecord> warningsFrom(String logger) {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .filter(r -> r.getLoggerName() != null && r.getLoggerName().startsWith(logger)).toList();
    }

    /** Records carrying an exception, whose stack trace the log would print. */
    public List<LogRecord> withStackTraces() {
        return records.stream().filter(r -> r.getThrown() != null).toList();
    }

    public static String describe(List<LogRecord> records) {
        StringBuilder text = new StringBuilder();
        for (LogRecord record : records) {
            text.append("\n  ").append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ")
                    .append(message(record)).append(record.getThrown() == null ? "" : " [" + record.getThrown() + "]");
        }
        return text.toString();
    }

    public static String message(LogRecord record) {
        return record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
