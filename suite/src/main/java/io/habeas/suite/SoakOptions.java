package io.habeas.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** The soak's settings, from its command line. */
record SoakOptions(Duration soak, Database.Durability durability, Duration killEvery, int peakWorkers, Duration peakLength,
        Duration loadWarmUp, double loadShare, Duration memoryWarmUp, Duration memoryWindow, int seedPersons, Path report,
        String note, boolean keepData, int instances) {

    static final String USAGE = """
            usage: bench/soak [--minutes N] [--database crash-safe|durable] [--kill-every 30s] [--instances 2] [--peak 30s]
                              [--workers 16] [--warm-up 20s] [--share 0.8] [--memory-warm-up 5m] [--memory-window 5m] [--seed 40]
                              [--report FILE] [--note TEXT] [--keep-data]
            Durations: 90s, 5m. The memory verdict needs the soak to last at least warm-up plus two windows.
            --instances: of detention-service and of statement-service each; every kill stops one of them.""";

    static SoakOptions parse(String[] args) {
        Duration soak = Duration.ofMinutes(30);
        Database.Durability durability = Database.Durability.CRASH_SAFE;
        Duration killEvery = Duration.ofSeconds(30);
        int workers = 16;
        Duration peak = Duration.ofSeconds(30);
        Duration warmUp = Duration.ofSeconds(20);
        double share = 0.8;
        Duration memoryWarmUp = Duration.ofMinutes(5);
        Duration memoryWindow = Duration.ofMinutes(5);
        int seed = 40;
        Path report = Path.of("target", "soak-report.md");
        String note = "";
        boolean keep = false;
        int instances = 2;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--keep-data")) {
                keep = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--minutes" -> soak = Duration.ofSeconds(Math.round(number(option, value) * 60));
                case "--database" -> durability = switch (value.toLowerCase(Locale.ROOT)) {
                    case "crash-safe" -> Database.Durability.CRASH_SAFE;
                    case "durable" -> Database.Durability.DURABLE;
                    default -> throw new IllegalArgumentException("--database is crash-safe or durable, not " + value);
                };
                case "--kill-every" -> killEvery = duration(option, value);
                case "--peak" -> peak = duration(option, value);
                case "--workers" -> workers = positive(option, value);
                case "--warm-up" -> warmUp = duration(option, value);
                case "--share" -> share = number(option, value);
                case "--memory-warm-up" -> memoryWarmUp = duration(option, value);
                case "--memory-window" -> memoryWindow = duration(option, value);
                case "--seed" -> seed = positive(option, value);
                case "--instances" -> instances = positive(option, value);
                case "--report" -> report = Path.of(value);
                case "--note" -> note = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (soak.isZero() || soak.isNegative()) {
            throw new IllegalArgumentException("--minutes takes a positive number");
        }
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("--share is a fraction of the peak, above 0 and at most 1");
        }
        return new SoakOptions(soak, durability, killEvery, workers, peak, warmUp, share, memoryWarmUp, memoryWindow, seed,
                report, note, keep, instances);
    }

    /** "90s", "5m" or "1h". */
    static Duration duration(String option, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            Duration d = switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> null;
            };
            if (d != null && !d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException ignored) {
            // said below
        }
        throw new IllegalArgumentException(option + " takes a duration such as 90s or 5m, not " + value);
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not " + value);
        }
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new IllegalArgumentException(option + " takes a positive whole number, not " + value);
    }
}
