package io.habeas.suite.load;

/** The writes of one synthetic case, in the order each needs the one before it acknowledged. */
public enum WriteKind {
    PERSON("CreatePerson"),
    DETENTION("CreateDetention"),
    CUSTODY_EVENT("CreateCustodyEvent"),
    STATEMENT("CreateStatement");

    /** The RPC that makes it. */
    public final String rpc;

    WriteKind(String rpc) {
        this.rpc = rpc;
    }

    /** The next write of a case, or null after the last. */
    WriteKind next() {
        int following = ordinal() + 1;
        return following < values().length ? values()[following] : null;
    }
}
