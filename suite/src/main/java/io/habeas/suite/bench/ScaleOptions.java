package io.habeas.suite.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** bench/scale's command line. */
public record ScaleOptions(String scale, int persons, int statements, long seed, Duration warmUp, Duration peak,
        Duration open, double share, int workers, boolean profile, boolean fresh, boolean loadOnly, boolean serve, Path data,
        Path report) {

    public static final String USAGE = """
            Usage: bench/scale 10k|100k|1m [options]
              --duration S     each open loop, seconds (default 30)
              --peak S         each closed-loop peak probe, seconds (default 10)
              --warm-up S      each warm-up's limit, seconds (default 300): 10 s rounds until three gain under 5%;
                               every scenario warms up once before any is measured, and again before its own
              --share F        the open loop's rate as a share of the peak (default 0.7)
              --workers N      closed-loop workers (default 8)
              --statements N   statements to import (default 2 per person)
              --seed N         the generator's seed (default 15)
              --persons N      a smaller trial instead of the scale: N persons, its own data folder and section
              --profile        record JFR on each application during the person timeline's open loop
              --fresh          delete the scale's data folder and load it again
              --load-only      load the data folder (or go on loading it where a stopped run left it), then stop
              --serve          load as needed, then keep the suite up over the data until SIGTERM (no scenarios)
              --data DIR       the data folder (default .habeas-scale/<scale>, kept: a later run reuses it)
              --report FILE    the report (default bench/scale-report.md; this scale's section is replaced)""";

    public static ScaleOptions parse(String[] args, Path root) {
        if (args.length == 0) {
            throw new IllegalArgumentException("name a scale: 10k, 100k or 1m");
        }
        String scale = args[0].toLowerCase(Locale.ROOT);
        int persons = switch (scale) {
            case "10k" -> 10_000;
            case "100k" -> 100_000;
            case "1m" -> 1_000_000;
            default -> throw new IllegalArgumentException("unknown scale " + args[0] + ": 10k, 100k or 1m");
        };
        long seed = 15;
        Duration warmUp = Duration.ofSeconds(300);
        Duration peak = Duration.ofSeconds(10);
        Duration open = Duration.ofSeconds(30);
        double share = 0.7;
        int workers = 8;
        boolean profile = false;
        boolean fresh = false;
        boolean loadOnly = false;
        boolean serve = false;
        Path data = null;
        Path report = root.resolve("bench/scale-report.md");
        Integer statements = null;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--profile" -> profile = true;
                case "--fresh" -> fresh = true;
                case "--load-only" -> loadOnly = true;
                case "--serve" -> serve = true;
                case "--duration" -> open = Duration.ofSeconds(positive(option, value(args, ++i, option)));
                case "--peak" -> peak = Duration.ofSeconds(positive(option, value(args, ++i, option)));
                case "--warm-up" -> warmUp = Duration.ofSeconds(Long.parseLong(value(args, ++i, option)));
                case "--workers" -> workers = (int) positive(option, value(args, ++i, option));
                case "--statements" -> statements = (int) Long.parseLong(value(args, ++i, option));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, option));
                case "--persons" -> {
                    persons = (int) positive(option, value(args, ++i, option));
                    scale = Integer.toString(persons);
                }
                case "--share" -> {
                    share = Double.parseDouble(value(args, ++i, option));
                    if (!(share > 0 && share <= 1)) {
                        throw new IllegalArgumentException("--share is a fraction above 0 and at most 1");
                    }
                }
                case "--data" -> data = Path.of(value(args, ++i, option));
                case "--report" -> report = Path.of(value(args, ++i, option));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new ScaleOptions(scale, persons, statements != null ? statements : 2 * persons,
                seed, warmUp, peak, open, share, workers, profile, fresh, loadOnly, serve, data != null ? data : root.resolve(".habeas-scale").resolve(scale), report);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long positive(String option, String value) {
        long n = Long.parseLong(value);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }
}
