package io.habeas.gateway.history;

import static io.habeas.kernel.proto.CommonProtos.emptyToNull;

import com.google.protobuf.Timestamp;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.Revision;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.ChargeStatusChange;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.Person;
import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.api.ActorSnapshot;
import io.habeas.gateway.api.ChargeSnapshot;
import io.habeas.gateway.api.ChargeView;
import io.habeas.gateway.api.CustodyEventSnapshot;
import io.habeas.gateway.api.DetentionSnapshot;
import io.habeas.gateway.api.ExternalIdView;
import io.habeas.gateway.api.PersonProfile;
import io.habeas.gateway.api.PersonSnapshot;
import io.habeas.gateway.api.RevisionView;
import io.habeas.gateway.api.StatementSnapshot;
import io.habeas.gateway.view.ArticleViews;
import io.habeas.gateway.view.DateViews;
import io.habeas.gateway.view.EnumValues;
import io.habeas.gateway.view.SourceViews;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.names.ChargeName;
import io.habeas.kernel.names.ClaimName;
import io.habeas.kernel.names.CustodyEventName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.names.StatementName;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.Statement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Revisions and their snapshots to JSON records, as the caller may see them: a revision whose level
 * the caller does not clear, or whose snapshot is above it, is null (not shown); sources above it
 * are left out; who made a change only for admins. Resource names are read by the kernel's names:
 * one not of its form fails with INVALID_ARGUMENT naming the field (the backend's bad answer).
 */
@ApplicationScoped
public class HistoryMapper {

    @Inject
    AccessPolicy access;

    @Inject
    SourceViews sources;

    /** The revision with its record, or null when the caller may not see it. */
    public RevisionView revision(Revision r, AccessLevel recordLevel, Supplier<Object> snapshot) {
        if (!access.visible(r.getAccessLevel()) || !access.visible(recordLevel)) {
            return null;
        }
        Object record = snapshot.get();
        return new RevisionView(r.getRevisionId(), time(r.hasCreateTime(), r.getCreateTime()),
                access.isAdmin() ? emptyToNull(r.getPrincipal()) : null, EnumValues.of(r.getAction()),
                emptyToNull(r.getReason()), EnumValues.of(r.getAccessLevel()), emptyToNull(r.getRestoredRevisionId()), record);
    }

    public PersonSnapshot person(Person p) {
        return new PersonSnapshot(PersonName.parse(p.getName(), "Person.name").id().toString(), p.getDisplayName(),
                p.getAliasesList().stream().map(a -> new PersonProfile.Alias(a.getName(), emptyToNull(a.getLanguageCode())))
                        .toList(),
                p.getCitizenshipsList(), emptyToNull(p.getDescription()), ExternalIdView.of(p.getExternalIdsList()),
                EnumValues.of(p.getAccessLevel()),
                sources.visible(p.getSourcesList()), EnumValues.of(p.getState()), emptyToNull(p.getRetractionReason()),
                time(p.hasCreateTime(), p.getCreateTime()), time(p.hasUpdateTime(), p.getUpdateTime()));
    }

    public DetentionSnapshot detention(Detention d) {
        return new DetentionSnapshot(DetentionName.parse(d.getName(), "Detention.name").id().toString(),
                PersonName.parse(d.getPerson(), "Detention.person").id().toString(), d.getDetainingCountry(),
                emptyToNull(d.getAuthority()), emptyToNull(d.getPlace()), DateViews.of(d.getStartDate()),
                EnumValues.of(d.getInitialStatus()), EnumValues.of(d.getAccessLevel()), sources.visible(d.getSourcesList()),
                EnumValues.of(d.getState()), emptyToNull(d.getRetractionReason()), time(d.hasCreateTime(), d.getCreateTime()),
                time(d.hasUpdateTime(), d.getUpdateTime()));
    }

    public CustodyEventSnapshot custodyEvent(CustodyEvent e) {
        CustodyEventName name = CustodyEventName.parse(e.getName(), "CustodyEvent.name");
        return new CustodyEventSnapshot(name.id().toString(), name.parent().id().toString(), EnumValues.of(e.getType()),
                DateViews.of(e.getOccurredOn()), DateViews.of(e.getUntilDate()), emptyToNull(e.getPlace()),
                emptyToNull(e.getDescription()), EnumValues.of(e.getResultingStatus()), EnumValues.of(e.getAccessLevel()),
                sources.visible(e.getSourcesList()), EnumValues.of(e.getState()), emptyToNull(e.getRetractionReason()),
                time(e.hasCreateTime(), e.getCreateTime()), time(e.hasUpdateTime(), e.getUpdateTime()));
    }

    public ChargeSnapshot charge(Charge c) {
        ChargeName name = ChargeName.parse(c.getName(), "Charge.name");
        ChargeView.ArticleView article = ArticleViews.of(c);
        return new ChargeSnapshot(name.id().toString(), name.parent().id().toString(), c.getJurisdiction(), c.getLegalCode(),
                c.getArticleReference(), article, emptyToNull(c.getOffenceDescription()), DateViews.of(c.getFiledOn()),
                EnumValues.of(c.getStatus()), c.getStatusHistoryList().stream().map(this::statusChange).toList(),
                EnumValues.of(c.getAccessLevel()), sources.visible(c.getSourcesList()), EnumValues.of(c.getState()),
                emptyToNull(c.getRetractionReason()), time(c.hasCreateTime(), c.getCreateTime()),
                time(c.hasUpdateTime(), c.getUpdateTime()));
    }

    private ChargeSnapshot.StatusChange statusChange(ChargeStatusChange s) {
        ChargeSnapshot.Sentence sentence = s.hasSentenceTerm() ? new ChargeSnapshot.Sentence(s.getSentenceTerm().getYears(),
                s.getSentenceTerm().getMonths(), s.getSentenceTerm().getDays(), s.getSentenceTerm().getSuspended()) : null;
        return new ChargeSnapshot.StatusChange(EnumValues.of(s.getStatus()), DateViews.of(s.getEffectiveOn()), sentence,
                emptyToNull(s.getNote()), sources.visible(s.getSourcesList()));
    }

    /** The statement; its claims name only the persons shownPerson lets through. */
    public StatementSnapshot statement(Statement s, Predicate<PersonName> shownPerson) {
        return new StatementSnapshot(StatementName.parse(s.getName(), "Statement.name").id().toString(),
                ActorName.parse(s.getActor(), "Statement.actor").id().toString(), emptyToNull(s.getActorOffice()),
                emptyToNull(s.getActorCountry()), DateViews.of(s.getMadeOn()), EnumValues.of(s.getMedium()), s.getTitle(),
                emptyToNull(s.getSummary()), emptyToNull(s.getQuotedText()), claims(s.getClaimsList(), shownPerson),
                claims(s.getRetractedClaimsList(), shownPerson), EnumValues.of(s.getAccessLevel()),
                sources.visible(s.getSourcesList()), EnumValues.of(s.getState()), emptyToNull(s.getRetractionReason()),
                time(s.hasCreateTime(), s.getCreateTime()), time(s.hasUpdateTime(), s.getUpdateTime()));
    }

    private static List<StatementSnapshot.ClaimSnapshot> claims(List<Claim> claims, Predicate<PersonName> shownPerson) {
        return claims.stream().map(c -> new StatementSnapshot.ClaimSnapshot(
                ClaimName.parse(c.getName(), "Claim.name").id().toString(), EnumValues.of(c.getKind()),
                emptyToNull(c.getCameoCode()),
                subjects(c).stream().filter(shownPerson).map(p -> p.id().toString()).toList(),
                c.getSubjectCountriesList(), emptyToNull(c.getAddresseeCountry()), c.getText(),
                c.getAnswers().isEmpty() ? null : ClaimName.parse(c.getAnswers(), "Claim.answers").toString())).toList();
    }

    /** The persons a claim is about; a name not of its form is the backend's bad answer. */
    static List<PersonName> subjects(Claim c) {
        return c.getSubjectPersonsList().stream().map(p -> PersonName.parse(p, "Claim.subject_persons")).toList();
    }

    public ActorSnapshot actor(Actor a) {
        return new ActorSnapshot(ActorName.parse(a.getName(), "Actor.name").id().toString(), a.getDisplayName(),
                EnumValues.of(a.getKind()), emptyToNull(a.getOffice()), emptyToNull(a.getOrganization()),
                emptyToNull(a.getCountry()), a.getPerson().isEmpty() ? null : PersonName.parse(a.getPerson(), "Actor.person")
                        .id().toString(),
                ExternalIdView.of(a.getExternalIdsList()), EnumValues.of(a.getAccessLevel()), sources.visible(a.getSourcesList()),
                time(a.hasCreateTime(), a.getCreateTime()), time(a.hasUpdateTime(), a.getUpdateTime()));
    }

    /** RFC 3339 in UTC; null when the message has no time. One past what an Instant holds is the backend's bad answer. */
    static String time(boolean present, Timestamp t) {
        if (!present) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
        } catch (DateTimeException e) {
            throw InvalidArgumentException.of("Timestamp", "is not a time");
        }
    }
}
