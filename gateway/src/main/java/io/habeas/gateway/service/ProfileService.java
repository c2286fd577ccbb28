package io.habeas.gateway.service;

import static io.habeas.kernel.proto.CommonProtos.emptyToNull;

import io.grpc.Status;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.ListChargesRequest;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.gateway.GatewayConfig;
import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.api.ChargeView;
import io.habeas.gateway.api.DetentionView;
import io.habeas.gateway.api.ExternalIdView;
import io.habeas.gateway.api.MissingSource;
import io.habeas.gateway.api.PersonProfile;
import io.habeas.gateway.api.ReleaseCalls;
import io.habeas.gateway.client.AsOf;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.client.BackendException;
import io.habeas.gateway.client.DetentionClient;
import io.habeas.gateway.client.StatementClient;
import io.habeas.gateway.view.ArticleViews;
import io.habeas.gateway.view.DateViews;
import io.habeas.gateway.view.EnumValues;
import io.habeas.gateway.view.SourceViews;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.names.ChargeName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.PersonName;
import io.habeas.statement.v1.CallerCount;
import io.habeas.statement.v1.GetReleaseCallSummaryResponse;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's profile: GetPerson, ListDetentions and GetReleaseCallSummary in parallel, then
 * ListCharges for each detention (bounded by habeas.gateway.profile.max-detentions: the contract
 * lists charges per detention only), every call as of the same instant. Without detention-service there is no profile (503/504, or
 * 502 when its answer breaks the contract); without statement-service the profile is partial, its
 * release calls null.
 */
@ApplicationScoped
public class ProfileService {

    @Inject
    DetentionClient detention;

    @Inject
    StatementClient statement;

    @Inject
    AccessPolicy access;

    @Inject
    SourceViews sources;

    @Inject
    GatewayConfig config;

    /** The release calls, or (null) why statement-service could not give them. */
    record Calls(ReleaseCalls releaseCalls, BackendException failure) {
    }

    /** The profile as of the instant; a person hidden or retracted as of it is a 404 exactly as an unknown one. */
    public Uni<PersonProfile> profile(PersonName name, AsOf asOf) {
        Uni<Calls> calls = Backend.STATEMENT.read(statement.releaseCallSummary(name, asOf).map(ProfileService::releaseCalls))
                .map(r -> new Calls(r, null))
                .onFailure(f -> f instanceof BackendException be
                        && (be.unavailable() || be.code() == Status.Code.NOT_FOUND))
                .recoverWithItem(f -> {
                    BackendException be = (BackendException) f;
                    return be.unavailable() ? new Calls(null, be)
                            : new Calls(releaseCalls(GetReleaseCallSummaryResponse.getDefaultInstance()), null);
                });
        // Release calls are asked for in parallel but shown only once detention-service has shown the person.
        return Backend.DETENTION.read(DetentionClient.aboutPerson(name, Uni.combine().all()
                .unis(detention.getPerson(name, asOf),
                        detention.listDetentions(asOf.on(ListDetentionsRequest.newBuilder().setPerson(name.toString())
                                .setPageSize(200), ListDetentionsRequest.Builder::setAsOf).build()),
                        calls)
                .asTuple())
                .chain(t -> {
                    Person person = t.getItem1();
                    if (!access.shown(person)) {
                        throw new NotFoundException(name.toString());
                    }
                    List<Detention> detentions = t.getItem2().getDetentionsList().stream()
                            .filter(d -> access.visible(d.getAccessLevel())).limit(config.profile().maxDetentions()).toList();
                    Uni<List<List<Charge>>> charges = detentions.isEmpty() ? Uni.createFrom().item(List.of())
                            : Uni.combine().all().unis(detentions.stream()
                                    .map(d -> detention.listCharges(asOf.on(ListChargesRequest.newBuilder()
                                            .setParent(d.getName()).setPageSize(200), ListChargesRequest.Builder::setAsOf)
                                            .build()).map(r -> r.getChargesList()))
                                    .toList())
                                    .with(Object.class, lists -> lists.stream().map(l -> {
                                        @SuppressWarnings("unchecked")
                                        List<Charge> cs = (List<Charge>) l;
                                        return cs;
                                    }).toList());
                    return charges.map(cs -> build(person, detentions, cs, t.getItem3()));
                }));
    }

    private PersonProfile build(Person p, List<Detention> detentions, List<List<Charge>> charges, Calls calls) {
        List<DetentionView> views = new ArrayList<>();
        List<ChargeView> allCharges = new ArrayList<>();
        int days = 0;
        for (int i = 0; i < detentions.size(); i++) {
            Detention d = detentions.get(i);
            List<ChargeView> cs = charges.get(i).stream().filter(c -> access.visible(c.getAccessLevel()))
                    .map(ProfileService::charge).toList();
            allCharges.addAll(cs);
            days += d.getDaysInCustody();
            views.add(new DetentionView(DetentionName.parse(d.getName(), "Detention.name").id().toString(),
                    d.getDetainingCountry(), emptyToNull(d.getAuthority()), emptyToNull(d.getPlace()),
                    DateViews.of(d.getStartDate()), DateViews.of(d.getEndDate()), EnumValues.of(d.getCurrentStatus()),
                    d.getOngoing(), d.getDaysInCustody(), cs));
        }
        boolean held = Custody.held(detentions);
        ReleaseCalls releaseCalls = calls.releaseCalls();
        Boolean outstanding = releaseCalls == null ? null : releaseCalls.count() > 0 && held;
        List<MissingSource> missing = calls.failure() == null ? List.of()
                : List.of(calls.failure().missingSource());
        return new PersonProfile(PersonName.parse(p.getName(), "Person.name").id().toString(), p.getDisplayName(),
                p.getAliasesList().stream().map(a -> new PersonProfile.Alias(a.getName(), emptyToNull(a.getLanguageCode())))
                        .toList(),
                p.getCitizenshipsList(), emptyToNull(p.getDescription()), ExternalIdView.of(p.getExternalIdsList()),
                Custody.status(Custody.current(detentions)), held,
                days, views, allCharges, releaseCalls, outstanding, sources.visible(p.getSourcesList()), !missing.isEmpty(),
                missing);
    }

    static ReleaseCalls releaseCalls(GetReleaseCallSummaryResponse s) {
        List<ReleaseCalls.Caller> callers = s.getCallersList().stream().map(ProfileService::caller).toList();
        return new ReleaseCalls(s.getCallCount(), DateViews.of(s.getFirstCallDate()), DateViews.of(s.getLatestCallDate()),
                callers);
    }

    /** One actor's calls, as the JSON shows them wherever callers are listed. */
    static ReleaseCalls.Caller caller(CallerCount c) {
        return new ReleaseCalls.Caller(ActorName.parse(c.getActor(), "CallerCount.actor").id().toString(),
                emptyToNull(c.getDisplayName()), emptyToNull(c.getCountry()), c.getCallCount(),
                DateViews.of(c.getLatestCallDate()));
    }

    static ChargeView charge(Charge c) {
        ChargeView.ArticleView article = ArticleViews.of(c);
        return new ChargeView(ChargeName.parse(c.getName(), "Charge.name").id().toString(), c.getJurisdiction(),
                c.getLegalCode(), c.getArticleReference(), article, emptyToNull(c.getOffenceDescription()),
                DateViews.of(c.getFiledOn()), EnumValues.of(c.getStatus()));
    }
}
