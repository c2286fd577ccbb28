package io.habeas.suite.bench;

/** The scenarios' names, as the report and the targets use them. */
public final class Scenarios {
    public static final String PERSON_TIMELINE = "person timeline";
    public static final String PROFILE = "profile";
    public static final String GET_PERSON = "GetPerson";
    public static final String COUNTRY_FIRST_PAGE = "country timeline, first page";
    public static final String COUNTRY_DEEP_PAGE = "country timeline, page 11";
    public static final String COUNTRY_SUMMARY = "country summary";
    public static final String SEARCH = "person search";

    private Scenarios() {
    }
}
