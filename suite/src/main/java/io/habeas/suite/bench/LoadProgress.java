package io.habeas.suite.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * How far a data folder's load got, kept beside it as each batch is answered, so that a load stopped part way (a
 * million persons take hours) goes on from there: persons first, then the statement items. Batches are cut anew
 * from the resume point; records carry external ids and import keys, so a batch that was stored but not yet
 * counted here is stored once.
 */
public final class LoadProgress {
    private final Path file;
    private final Properties values = new Properties();

    private LoadProgress(Path file) {
        this.file = file;
    }

    /** The folder's progress for this load; fails when the folder holds part of another load. */
    public static LoadProgress in(Path folder, long seed, int persons, int statements) {
        LoadProgress progress = new LoadProgress(folder.resolve("load-progress.properties"));
        String load = seed + "/" + persons + "/" + statements;
        if (Files.isRegularFile(progress.file)) {
            try (var in = Files.newBufferedReader(progress.file)) {
                progress.values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!load.equals(progress.values.getProperty("load"))) {
                throw new IllegalStateException(folder + " holds part of another load (seed/persons/statements "
                        + progress.values.getProperty("load") + "): use --fresh or --data");
            }
        }
        progress.values.setProperty("load", load);
        return progress;
    }

    /** The person after the last one answered. */
    public int personsDone() {
        return Integer.parseInt(values.getProperty("personsDone", "0"));
    }

    /** The statement item (actors first) after the last one answered. */
    public int statementItemsDone() {
        return Integer.parseInt(values.getProperty("statementItemsDone", "0"));
    }

    public synchronized void personsDone(int upTo) {
        set("personsDone", upTo);
    }

    public synchronized void statementItemsDone(int upTo) {
        set("statementItemsDone", upTo);
    }

    private void set(String key, int value) {
        values.setProperty(key, Integer.toString(value));
        Path written = file.resolveSibling(file.getFileName() + ".new");
        try (var out = Files.newBufferedWriter(written)) {
            values.store(out, "bench/scale: how far this folder's load got");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
