package io.habeas.suite.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Ranks 0..n-1 drawn with probability proportional to 1/(rank+1)^exponent: a few ranks take most draws. */
public final class Zipf {
    private final double[] cumulative;

    public Zipf(int n, double exponent) {
        if (n < 1) {
            throw new IllegalArgumentException("a Zipf distribution needs at least one rank");
        }
        cumulative = new double[n];
        double total = 0;
        for (int rank = 0; rank < n; rank++) {
            total += 1 / Math.pow(rank + 1, exponent);
            cumulative[rank] = total;
        }
        for (int rank = 0; rank < n; rank++) {
            cumulative[rank] /= total;
        }
    }

    public int sample(SplittableRandom random) {
        int found = Arrays.binarySearch(cumulative, random.nextDouble());
        int rank = found >= 0 ? found : -found - 1;
        return Math.min(rank, cumulative.length - 1);
    }

    /** The share of all draws that fall on {@code rank}. */
    public double share(int rank) {
        return rank == 0 ? cumulative[0] : cumulative[rank] - cumulative[rank - 1];
    }
}
