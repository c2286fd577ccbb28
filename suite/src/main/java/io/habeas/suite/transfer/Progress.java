package io.habeas.suite.transfer;

import java.io.PrintStream;

/** How far a transfer is: a bar redrawn in place on a terminal, a plain line per step otherwise. */
final class Progress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;
    private final long total;

    Progress(PrintStream out, boolean terminal, long total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
    }

    /** {@code done} of the total (unknown when not positive), with a note such as the counts so far. */
    void update(long done, String note) {
        if (terminal && total <= 0) {
            out.print("\r" + done + " " + note + "\u001b[K");
        } else if (terminal) {
            int filled = total <= 0 ? WIDTH : (int) Math.min(WIDTH, done * WIDTH / total);
            out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + note + "\u001b[K");
        } else {
            out.println((total <= 0 ? done : done + "/" + total) + " " + note);
        }
        out.flush();
    }

    void finish() {
        if (terminal) {
            out.println();
        }
    }
}
