package io.habeas.statement.service;

/** Resource name shapes, for declared constraints on drafts. */
final class ResourcePatterns {
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String PERSON = "persons/" + UUID;
    static final String ACTOR = "actors/" + UUID;
    static final String CLAIM = "statements/" + UUID + "/claims/" + UUID;

    private ResourcePatterns() {
    }
}
