package io.habeas.suite.bench;

import java.util.List;

/**
 * One scenario through Habeas and by the baseline's SQL: how long Habeas took to warm up, each one's closed-loop
 * peak, then its open-loop run at a share of that peak, and what each process used during the Habeas open loop.
 */
public record ScenarioResult(String name, String through, WarmUp.Done habeasWarmUp, Figures habeasPeak, Figures habeas,
        Figures baselinePeak, Figures baseline, List<Processes.Usage> usage) {

    /** Habeas's peak throughput over the baseline's. */
    public double throughputRatio() {
        return ratio(habeasPeak.perSecond(), baselinePeak.perSecond());
    }

    /** Habeas's open-loop p99 over the baseline's, each at the same share of its own peak. */
    public double p99Ratio() {
        return ratio(habeas.p99Ms(), baseline.p99Ms());
    }

    /** CPU milliseconds a process spent per answered Habeas request. */
    public double cpuMillisPerRequest(Processes.Usage used) {
        return habeas.answered() == 0 ? 0 : (double) used.cpuMillis() / habeas.answered();
    }

    static double ratio(double of, double to) {
        return to == 0 ? 0 : of / to;
    }
}
