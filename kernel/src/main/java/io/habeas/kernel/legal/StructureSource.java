package io.habeas.kernel.legal;

/** Where an article reference's structure comes from. */
public enum StructureSource {
    /** Read from the reference by the jurisdiction's numbering. */
    PARSED,
    /** Sent by the client with the reference. */
    SENT
}
