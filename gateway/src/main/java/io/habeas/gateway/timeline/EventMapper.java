package io.habeas.gateway.timeline;

import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.ChargeStatusChange;
import io.habeas.detention.v1.CourtEvent;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.FeedItemKind;
import io.habeas.detention.v1.Incident;
import io.habeas.detention.v1.SentenceTerm;
import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.api.CountryRef;
import io.habeas.gateway.api.DateView;
import io.habeas.gateway.api.PersonRef;
import io.habeas.gateway.api.TimelineEvent;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.view.ArticleViews;
import io.habeas.gateway.view.DateViews;
import io.habeas.gateway.view.EnumValues;
import io.habeas.gateway.view.SourceViews;
import io.habeas.kernel.names.PersonName;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.Statement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Proto records to timeline events. Returns null for what the caller may not see (a record above
 * their clearance); sources above it are dropped from the events that are shown. Person names are read by the kernel's PersonName: one
 * not of its form fails the mapping with INVALID_ARGUMENT naming the field (the backend's fault).
 */
@ApplicationScoped
public class EventMapper {

    public static final String DETENTION = "detention";
    public static final String CUSTODY = "custody";
    public static final String CHARGE = "charge";
    public static final String CHARGE_STATUS = "charge_status";
    public static final String COURT = "court";
    public static final String INCIDENT = "incident";
    public static final String STATEMENT = "statement";
    public static final String CLAIM = "claim";
    /** The kinds detention-service's feeds hold. */
    public static final Set<String> DETENTION_KINDS = Set.of(DETENTION, CUSTODY, CHARGE, CHARGE_STATUS, COURT, INCIDENT);
    public static final List<String> ALL_KINDS = List.of(DETENTION, CUSTODY, CHARGE, CHARGE_STATUS, COURT, INCIDENT,
            STATEMENT, CLAIM);

    @Inject
    AccessPolicy access;

    @Inject
    SourceViews sources;

    public TimelineEvent feedItem(FeedItem item, String personName) {
        // The item's level already covers its detention and person: a public event of a
        // hidden person must not reach a country timeline.
        if (!access.visible(item.getAccessLevel())) {
            return null;
        }
        String origin = Backend.DETENTION.serviceName();
        List<PersonRef> persons = List.of(new PersonRef(personId(item.getPerson(), "FeedItem.person"), personName));
        List<CountryRef> countries = new ArrayList<>();
        if (!item.getDetainingCountry().isEmpty()) {
            // An incident's country is the one whose authorities acted: no detention is said.
            countries.add(new CountryRef(item.getDetainingCountry(), item.hasIncident() ? "acting" : "detaining"));
        }
        switch (item.getRecordCase()) {
            case DETENTION -> {
                Detention d = item.getDetention();
                if (!access.visible(d.getAccessLevel())) {
                    return null;
                }
                String by = d.getAuthority().isEmpty() ? d.getDetainingCountry() : d.getAuthority();
                String detail = join(d.getAuthority(), d.getPlace());
                return new TimelineEvent(origin + ":" + d.getName(), DateViews.of(item.getDate()), DETENTION,
                        EnumValues.of(d.getInitialStatus()), "Detained by " + by,
                        detail, persons, countries, sources.visible(d.getSourcesList()), origin, d.getName(), null);
            }
            case CUSTODY_EVENT -> {
                CustodyEvent e = item.getCustodyEvent();
                if (!access.visible(e.getAccessLevel())) {
                    return null;
                }
                String detail = e.getDescription();
                DateView until = DateViews.of(e.getUntilDate());
                if (until != null) {
                    detail = join(detail, "until " + until.label());
                }
                detail = join(detail, e.getPlace());
                return new TimelineEvent(origin + ":" + e.getName(), DateViews.of(item.getDate()), CUSTODY,
                        EnumValues.of(e.getType()), custodyTitle(e), detail, persons,
                        countries, sources.visible(e.getSourcesList()), origin, e.getName(), null);
            }
            case CHARGE -> {
                Charge c = item.getCharge();
                if (!access.visible(c.getAccessLevel())) {
                    return null;
                }
                List<CountryRef> withJurisdiction = new ArrayList<>(countries);
                if (!c.getJurisdiction().isEmpty() && !c.getJurisdiction().equals(item.getDetainingCountry())) {
                    withJurisdiction.add(new CountryRef(c.getJurisdiction(), "jurisdiction"));
                }
                String cited = ArticleViews.cited(c) + (c.getLegalCode().isEmpty() ? "" : " of the " + c.getLegalCode());
                if (item.getKind() == FeedItemKind.FEED_ITEM_KIND_CHARGE_STATUS_CHANGED) {
                    int index = item.getStatusChangeIndex();
                    if (index < 0 || index >= c.getStatusHistoryCount()) {
                        return null;
                    }
                    ChargeStatusChange change = c.getStatusHistory(index);
                    String status = EnumValues.of(change.getStatus());
                    String detail = change.getNote();
                    if (change.hasSentenceTerm()) {
                        detail = join(detail, sentence(change.getSentenceTerm()));
                    }
                    return new TimelineEvent(origin + ":" + c.getName() + "#status" + index, DateViews.of(item.getDate()),
                            CHARGE_STATUS, status, "Charge under " + cited + ": " + (status == null ? "changed" : status.replace('_', ' ')),
                            detail, persons, withJurisdiction, sources.visible(change.getSourcesList()), origin, c.getName(), null);
                }
                return new TimelineEvent(origin + ":" + c.getName(), DateViews.of(item.getDate()), CHARGE, "filed",
                        "Charged under " + cited, c.getOffenceDescription(), persons, withJurisdiction,
                        sources.visible(c.getSourcesList()), origin, c.getName(), null);
            }
            case INCIDENT -> {
                Incident i = item.getIncident();
                if (!access.visible(i.getAccessLevel())) {
                    return null;
                }
                String detail = i.getDescription();
                DateView until = DateViews.of(i.getUntilDate());
                if (until != null) {
                    detail = join(detail, "until " + until.label());
                }
                detail = join(join(detail, i.getAuthority()), i.getPlace());
                return new TimelineEvent(origin + ":" + i.getName(), DateViews.of(item.getDate()), INCIDENT,
                        EnumValues.of(i.getType()), incidentTitle(i), detail, persons, countries,
                        sources.visible(i.getSourcesList()), origin, i.getName(), null);
            }
            case COURT_EVENT -> {
                CourtEvent k = item.getCourtEvent();
                if (!access.visible(k.getAccessLevel())) {
                    return null;
                }
                return new TimelineEvent(origin + ":" + k.getName(), DateViews.of(item.getDate()), COURT,
                        EnumValues.of(k.getType()), courtTitle(k), courtDetail(k), persons, countries,
                        sources.visible(k.getSourcesList()), origin, k.getName(), null);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * One claim of a statement; null when the statement may not be shown or the claim is not in it.
     * Its subject persons are those shownPerson lets through (retracted and unconfirmed persons are not named).
     */
    public TimelineEvent claim(ClaimItem item, Predicate<PersonName> shownPerson) {
        Statement s = item.getStatement();
        if (!access.visible(s.getAccessLevel())) {
            return null;
        }
        Claim claim = claimOf(item);
        if (claim == null) {
            return null;
        }
        String origin = Backend.STATEMENT.serviceName();
        List<PersonRef> persons = new ArrayList<>();
        for (String p : claim.getSubjectPersonsList()) {
            PersonName name = PersonName.parse(p, "Claim.subject_persons");
            if (shownPerson.test(name)) {
                persons.add(new PersonRef(name.id().toString(), null));
            }
        }
        List<CountryRef> countries = new ArrayList<>();
        if (!s.getActorCountry().isEmpty()) {
            countries.add(new CountryRef(s.getActorCountry(), "speaker"));
        }
        for (String c : claim.getSubjectCountriesList()) {
            countries.add(new CountryRef(c, "subject"));
        }
        if (!claim.getAddresseeCountry().isEmpty()) {
            countries.add(new CountryRef(claim.getAddresseeCountry(), "addressee"));
        }
        return new TimelineEvent(origin + ":" + claim.getName(), DateViews.of(s.getMadeOn()), CLAIM,
                EnumValues.of(claim.getKind()), s.getTitle(), claim.getText(), persons,
                countries, sources.visible(s.getSourcesList()), origin, claim.getName(), null);
    }

    /** A statement as a whole, for the timeline of the country whose actor made it; persons as in {@link #claim}. */
    public TimelineEvent statement(Statement s, Predicate<PersonName> shownPerson) {
        if (!access.visible(s.getAccessLevel())) {
            return null;
        }
        String origin = Backend.STATEMENT.serviceName();
        Set<PersonName> personNames = new LinkedHashSet<>();
        Set<CountryRef> countries = new LinkedHashSet<>();
        if (!s.getActorCountry().isEmpty()) {
            countries.add(new CountryRef(s.getActorCountry(), "speaker"));
        }
        for (Claim c : s.getClaimsList()) {
            for (String p : c.getSubjectPersonsList()) {
                personNames.add(PersonName.parse(p, "Statement.claims.subject_persons"));
            }
            for (String country : c.getSubjectCountriesList()) {
                countries.add(new CountryRef(country, "subject"));
            }
            if (!c.getAddresseeCountry().isEmpty()) {
                countries.add(new CountryRef(c.getAddresseeCountry(), "addressee"));
            }
        }
        List<PersonRef> persons = personNames.stream().filter(shownPerson)
                .map(p -> new PersonRef(p.id().toString(), null)).toList();
        String detail = s.getSummary().isEmpty() ? s.getQuotedText() : s.getSummary();
        return new TimelineEvent(origin + ":" + s.getName(), DateViews.of(s.getMadeOn()), STATEMENT,
                EnumValues.of(s.getMedium()), s.getTitle(), detail, persons,
                List.copyOf(countries), sources.visible(s.getSourcesList()), origin, s.getName(), null);
    }

    static String custodyTitle(CustodyEvent e) {
        return switch (e.getType()) {
            case CUSTODY_EVENT_TYPE_ARREST -> "Arrested";
            case CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION -> "Pre-trial detention ordered";
            case CUSTODY_EVENT_TYPE_DETENTION_EXTENDED -> "Detention extended";
            case CUSTODY_EVENT_TYPE_TRANSFER -> "Transferred";
            case CUSTODY_EVENT_TYPE_HOUSE_ARREST -> "Moved to house arrest";
            case CUSTODY_EVENT_TYPE_CONDITIONAL_RELEASE -> "Released under conditions";
            case CUSTODY_EVENT_TYPE_SENTENCED -> "Sentenced";
            case CUSTODY_EVENT_TYPE_WHEREABOUTS_UNKNOWN -> "Whereabouts unknown";
            case CUSTODY_EVENT_TYPE_RELEASE -> "Released";
            case CUSTODY_EVENT_TYPE_DEATH_IN_CUSTODY -> "Died in custody";
            case CUSTODY_EVENT_TYPE_ESCAPE -> "Escaped";
            default -> "Custody changed";
        };
    }

    static String incidentTitle(Incident i) {
        return switch (i.getType()) {
            case INCIDENT_TYPE_TRAVEL_BAN -> "Barred from leaving the country";
            case INCIDENT_TYPE_PASSPORT_CONFISCATION -> "Passport confiscated";
            case INCIDENT_TYPE_SUMMONS -> "Summoned";
            case INCIDENT_TYPE_SEARCH -> "Searched";
            case INCIDENT_TYPE_INTERROGATION -> "Interrogated";
            case INCIDENT_TYPE_HARASSMENT -> "Harassed";
            case INCIDENT_TYPE_ASSAULT -> "Assaulted";
            case INCIDENT_TYPE_DISAPPEARANCE -> "Disappeared";
            default -> "Incident";
        };
    }

    /** "Verdict at Baku Grave Crimes Court: convicted": the step, the court, what it decided. */
    static String courtTitle(CourtEvent k) {
        String title = switch (k.getType()) {
            case COURT_EVENT_TYPE_INDICTMENT -> "Indictment";
            case COURT_EVENT_TYPE_TRIAL_OPENED -> "Trial opened";
            case COURT_EVENT_TYPE_HEARING -> "Hearing";
            case COURT_EVENT_TYPE_CLOSED_HEARING -> "Closed hearing";
            case COURT_EVENT_TYPE_VERDICT -> "Verdict";
            case COURT_EVENT_TYPE_SENTENCE -> "Sentence";
            case COURT_EVENT_TYPE_APPEAL_FILED -> "Appeal filed";
            case COURT_EVENT_TYPE_APPEAL_DECIDED -> "Appeal decided";
            case COURT_EVENT_TYPE_CASSATION -> "Cassation";
            case COURT_EVENT_TYPE_PARDON -> "Pardoned";
            case COURT_EVENT_TYPE_AMNESTY -> "Amnestied";
            case COURT_EVENT_TYPE_PRISONER_EXCHANGE -> "Released in a prisoner exchange";
            default -> "Court proceedings";
        };
        if (!k.getCourt().isEmpty()) {
            title += " at " + k.getCourt();
        }
        String decision = EnumValues.of(k.getDecision());
        return decision == null ? title : title + ": " + decision.replace('_', ' ');
    }

    /**
     * The total sentence over the charges the caller is shown ("sentence: 10 years, over 2 charges"),
     * a sitting closed to the public, the description and the place.
     */
    static String courtDetail(CourtEvent k) {
        String detail = null;
        if (k.hasSentence()) {
            int charges = k.getChargesCount();
            detail = sentence(k.getSentence()) + (charges == 0 ? "" : ", over " + charges + (charges == 1 ? " charge" : " charges"));
        }
        if (k.getClosedToPublic()) {
            detail = join(detail, "closed to the public");
        }
        return join(join(detail, k.getDescription()), k.getPlace());
    }

    static String sentence(SentenceTerm t) {
        List<String> parts = new ArrayList<>();
        if (t.getYears() > 0) {
            parts.add(t.getYears() + (t.getYears() == 1 ? " year" : " years"));
        }
        if (t.getMonths() > 0) {
            parts.add(t.getMonths() + (t.getMonths() == 1 ? " month" : " months"));
        }
        if (t.getDays() > 0) {
            parts.add(t.getDays() + (t.getDays() == 1 ? " day" : " days"));
        }
        return "sentence: " + String.join(" ", parts) + (t.getSuspended() ? " (suspended)" : "");
    }

    static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b == null || b.isEmpty() ? null : b;
        }
        return b == null || b.isEmpty() ? a : a + "; " + b;
    }

    /** A person's id as in /api/v1/persons/{id}, from a name in a backend's answer. */
    static String personId(String name, String field) {
        return PersonName.parse(name, field).id().toString();
    }

    /** The claim an item names, from its statement; null when the statement does not hold it. */
    static Claim claimOf(ClaimItem item) {
        return item.getStatement().getClaimsList().stream().filter(c -> c.getName().equals(item.getClaim()))
                .findFirst().orElse(null);
    }
}
