package io.habeas.support.records;

/** The HURIDOCS source reliability scale. */
public enum SourceReliability {
    HIGHLY_RELIABLE, RELIABLE, SOMEWHAT_RELIABLE, UNRELIABLE, HIGHLY_UNRELIABLE
}
