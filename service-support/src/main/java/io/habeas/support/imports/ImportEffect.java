package io.habeas.support.imports;

/** What an import record did to what was stored. */
public enum ImportEffect { CREATED, UPDATED, UNCHANGED }
