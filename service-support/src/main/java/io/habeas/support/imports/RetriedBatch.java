package io.habeas.support.imports;

import io.habeas.kernel.errors.InvalidArgumentException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How an import batch stores its valid records in one transaction and leaves each invalid one out
 * whole.
 *
 * <p>A refused part fails the use case that refused it, and with it the transaction it joined (a
 * failed statement aborts a PostgreSQL transaction, and the use case marks it rollback-only). So
 * the batch is tried again without the refused record, in a new transaction, until a try stores
 * every record it still holds. Each retry leaves out one more record, so there are at most as many
 * tries as records. The checks on each part alone (the common bad input) run before the first try,
 * so only a record the stored state refuses costs a retry.
 */
public final class RetriedBatch {
    /** The most records one batch may hold. */
    public static final int MAX_RECORDS = 500;

    private RetriedBatch() {
    }

    /**
     * Runs the batch: the precheck on each record, then tries until one stores every record not
     * rejected. A try is given the records rejected so far by position, and throws
     * {@link #rejected} for a record a use case refused inside it.
     */
    public static <T, R> R run(List<T> batch, Consumer<T> precheck, Function<Map<Integer, RejectedPart>, R> tryOnce) {
        if (batch.isEmpty() || batch.size() > MAX_RECORDS) {
            throw InvalidArgumentException.of("records", "must hold 1 to " + MAX_RECORDS + " records; this batch holds "
                    + batch.size() + ": split it");
        }
        Map<Integer, RejectedPart> rejected = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                precheck.accept(batch.get(i));
            } catch (RejectedPart refused) {
                rejected.put(i, refused);
            }
        }
        while (true) {
            try {
                return tryOnce.apply(rejected);
            } catch (RuntimeException failure) {
                RejectedRecord refused = causeOf(failure, RejectedRecord.class);
                if (refused == null) {
                    throw failure;
                }
                rejected.put(refused.position, refused.part);
            }
        }
    }

    /** What a try throws for the record at this position that a use case refused: the try rolls back. */
    public static RuntimeException rejected(int position, RejectedPart part) {
        return new RejectedRecord(position, part);
    }

    /** The first failure of this kind in a failure's cause chain, or null. */
    public static <F extends Throwable> F causeOf(Throwable failure, Class<F> kind) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return kind.cast(cause);
            }
        }
        return null;
    }

    /** A record left out of the batch: its try is rolled back and the batch tried again without it. */
    private static final class RejectedRecord extends RuntimeException {
        final int position;
        final RejectedPart part;

        RejectedRecord(int position, RejectedPart part) {
            super("record " + position + " rejected", part, false, false);
            this.position = position;
            this.part = part;
        }
    }
}
