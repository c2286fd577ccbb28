package io.habeas.suite.load;

/**
 * One synthetic person and its records, written in order: the person, a detention of it, a custody
 * event in that detention, a statement with a claim about it. A step starts only once the one
 * before is acknowledged, so it never names a record that may not exist.
 */
public final class Case {
    final String marker;
    private WriteKind next = WriteKind.PERSON;
    private String person;
    private String detention;

    Case(String marker) {
        this.marker = marker;
    }

    WriteKind next() {
        return next;
    }

    public boolean complete() {
        return next == null;
    }

    String person() {
        return person;
    }

    String detention() {
        return detention;
    }

    void acknowledged(Acknowledged write) {
        switch (write.kind()) {
            case PERSON -> person = write.name();
            case DETENTION -> detention = write.name();
            default -> {
            }
        }
        next = write.kind().next();
    }
}
