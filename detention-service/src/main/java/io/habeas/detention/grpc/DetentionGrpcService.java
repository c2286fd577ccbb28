package io.habeas.detention.grpc;

import io.habeas.detention.domain.CustodyStatus;
import io.habeas.detention.mapping.CourtEventMapper;
import io.habeas.detention.mapping.DetentionMapper;
import io.habeas.detention.mapping.FeedMapper;
import io.habeas.detention.mapping.RevisionSnapshots;
import io.habeas.detention.service.ChargeService;
import io.habeas.detention.service.CountryStatisticsService;
import io.habeas.detention.service.CourtEventLinks;
import io.habeas.detention.service.CourtEventService;
import io.habeas.detention.service.CustodyEventService;
import io.habeas.detention.service.DetentionService;
import io.habeas.detention.service.DetentionView;
import io.habeas.detention.service.FeedService;
import io.habeas.detention.service.Restoration;
import io.habeas.detention.v1.*;
import io.grpc.ServerServiceDefinition;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.support.access.Caller;
import io.habeas.support.grpc.FieldMasks;
import io.habeas.support.grpc.IdempotentCalls;
import io.habeas.support.grpc.Rpc;
import io.habeas.support.grpc.WellFormedRequests;
import io.habeas.support.history.AsOf;
import io.habeas.support.validation.DateBounds;
import io.habeas.support.validation.Retraction;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

@GrpcService
@Blocking
@RolesAllowed({Role.Names.VIEWER, Role.Names.ANALYST, Role.Names.RECORDER, Role.Names.ADMIN})
public class DetentionGrpcService extends MutinyDetentionServiceGrpc.DetentionServiceImplBase {
    @Inject
    DetentionService detentions;
    @Inject
    CustodyEventService events;
    @Inject
    ChargeService charges;
    @Inject
    CourtEventService courtEvents;
    @Inject
    CourtEventLinks links;
    @Inject
    FeedService feeds;
    @Inject
    CountryStatisticsService statistics;
    @Inject
    IdempotentCalls calls;
    @Inject
    Caller caller;

    /** Requests parsed inside the call ({@link WellFormedRequests}, which says why @PermitAll). */
    @Override
    @PermitAll
    public ServerServiceDefinition bindService() {
        return WellFormedRequests.of(super.bindService());
    }

    @Override
    @RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
    public Uni<CreateDetentionResponse> createDetention(CreateDetentionRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, CreateDetentionResponse.parser(),
                () -> CreateDetentionResponse.newBuilder().setDetention(toProto(
                        detentions.create(DetentionMapper.toDraft(request.getDetention()),
                                request.getAllowConcurrent()))).build()));
    }

    @Override
    public Uni<GetDetentionResponse> getDetention(GetDetentionRequest request) {
        return Rpc.call(() -> GetDetentionResponse.newBuilder()
                .setDetention(toProto(detentions.read(request.getName(), "name"))).build());
    }

    @Override
    public Uni<ListDetentionsResponse> listDetentions(ListDetentionsRequest request) {
        return Rpc.call(() -> {
            var filter = new DetentionService.Filter(request.getPerson(), request.getPersonsList(), request.getDetainingCountry(),
                    CommonProtos.toDomain(request.getCurrentStatus(), CustodyStatus.class), request.getShowRetracted(),
                    request.getOngoingOnly());
            var asOf = AsOf.of(request.hasAsOf(), request.getAsOf());
            var page = detentions.list(pageOf(request.getPageSize(), request.getPageToken()), filter, asOf);
            return ListDetentionsResponse.newBuilder()
                    .addAllDetentions(page.items().stream().map(d -> toProto(d, asOf.today())).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
    public Uni<UpdateDetentionResponse> updateDetention(UpdateDetentionRequest request) {
        return Rpc.call(() -> calls.correction(request.getRequestId(), request, request.getUpdateMask(),
                UpdateDetentionResponse.parser(), () -> {
            var incoming = request.getDetention();
            var current = toProto(detentions.read(incoming.getName(), "detention.name"));
            var merged = FieldMasks.merge(current, incoming, request.getUpdateMask(), DetentionMapper.DETENTION_UPDATABLE);
            var updated = detentions.update(incoming.getName(), incoming.getEtag(), DetentionMapper.toDraft(merged));
            return UpdateDetentionResponse.newBuilder().setDetention(toProto(updated)).build();
        }));
    }

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Uni<RetractDetentionResponse> retractDetention(RetractDetentionRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, RetractDetentionResponse.parser(),
                () -> RetractDetentionResponse.newBuilder().setDetention(toProto(detentions.retract(request.getName(),
                        new Retraction(request.getEtag(), request.getReason())))).build()));
    }

    @Override
    public Uni<ListDetentionRevisionsResponse> listDetentionRevisions(ListDetentionRevisionsRequest request) {
        return Rpc.call(() -> {
            var page = detentions.revisions(request.getName(), pageOf(request.getPageSize(), request.getPageToken()));
            return ListDetentionRevisionsResponse.newBuilder()
                    .addAllRevisions(page.items().stream()
                            .map(revision -> RevisionSnapshots.detentionRevision(revision, caller.clearance())).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Uni<RestoreDetentionResponse> restoreDetention(RestoreDetentionRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, RestoreDetentionResponse.parser(),
                () -> RestoreDetentionResponse.newBuilder().setDetention(toProto(detentions.restore(request.getName(),
                        new Restoration(request.getRevisionId(), request.getEtag(), request.getReason())))).build()));
    }

    @Override
    @RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
    public Uni<CreateCustodyEventResponse> createCustodyEvent(CreateCustodyEventRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, CreateCustodyEventResponse.parser(),
                () -> CreateCustodyEventResponse.newBuilder().setCustodyEvent(toProto(
                        events.create(request.getParent(), DetentionMapper.toDraft(request.getCustodyEvent())))).build()));
    }

    @Override
    public Uni<GetCustodyEventResponse> getCustodyEvent(GetCustodyEventRequest request) {
        return Rpc.call(() -> GetCustodyEventResponse.newBuilder()
                .setCustodyEvent(toProto(events.get(request.getName(), "name"))).build());
    }

    @Override
    public Uni<ListCustodyEventsResponse> listCustodyEvents(ListCustodyEventsRequest request) {
        return Rpc.call(() -> {
            var page = events.list(request.getParent(), pageOf(request.getPageSize(), request.getPageToken()),
                    request.getShowRetracted());
            return ListCustodyEventsResponse.newBuilder()
                    .addAllCustodyEvents(page.items().stream().map(this::toProto).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
    public Uni<UpdateCustodyEventResponse> updateCustodyEvent(UpdateCustodyEventRequest request) {
        return Rpc.call(() -> calls.correction(request.getRequestId(), request, request.getUpdateMask(),
                UpdateCustodyEventResponse.parser(), () -> {
            var incoming = request.getCustodyEvent();
            var current = toProto(events.get(incoming.getName(), "custody_event.name"));
            var merged = FieldMasks.merge(current, incoming, request.getUpdateMask(), DetentionMapper.EVENT_UPDATABLE);
            var updated = events.update(incoming.getName(), incoming.getEtag(), DetentionMapper.toDraft(merged));
            return UpdateCustodyEventResponse.newBuilder().setCustodyEvent(toProto(updated)).build();
        }));
    }

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Uni<RetractCustodyEventResponse> retractCustodyEvent(RetractCustodyEventRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, RetractCustodyEventResponse.parser(),
                () -> RetractCustodyEventResponse.newBuilder().setCustodyEvent(toProto(events.retract(
                        request.getName(), new Retraction(request.getEtag(), request.getReason())))).build()));
    }

    @Override
    public Uni<ListCustodyEventRevisionsResponse> listCustodyEventRevisions(ListCustodyEventRevisionsRequest request) {
        return Rpc.call(() -> {
            var page = events.revisions(request.getName(), pageOf(request.getPageSize(), request.getPageToken()));
            return ListCustodyEventRevisionsResponse.newBuilder()
                    .addAllRevisions(page.items().stream()
                            .map(revision -> RevisionSnapshots.custodyEventRevision(revision, caller.clearance())).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Uni<RestoreCustodyEventResponse> restoreCustodyEvent(RestoreCustodyEventRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, RestoreCustodyEventResponse.parser(),
                () -> RestoreCustodyEventResponse.newBuilder().setCustodyEvent(toProto(events.restore(request.getName(),
                        new Restoration(request.getRevisionId(), request.getEtag(), request.getReason())))).build()));
    }

    @Override
    @RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
    public Uni<CreateCourtEventResponse> createCourtEvent(CreateCourtEventRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, CreateCourtEventResponse.parser(),
                () -> CreateCourtEventResponse.newBuilder().setCourtEvent(toProto(courtEvents.create(request.getParent(),
                        CourtEventMapper.toDraft(request.getCourtEvent())))).build()));
    }

    @Override
    public Uni<GetCourtEventResponse> getCourtEvent(GetCourtEventRequest request) {
        return Rpc.call(() -> GetCourtEventResponse.newBuilder()
                .setCourtEvent(toProto(courtEvents.get(request.getName(), "name"))).build());
    }

    @Override
    public Uni<ListCourtEventsResponse> listCourtEvents(ListCourtEventsRequest request) {
        return Rpc.call(() -> {
            var page = courtEvents.list(request.getParent(), pageOf(request.getPageSize(), request.getPageToken()),
                    request.getShowRetracted());
            var linked = links.of(page.items());
            return ListCourtEventsResponse.newBuilder()
                    .addAllCourtEvents(page.items().stream()
                            .map(e -> CourtEventMapper.toProto(e, caller.clearance(), linked)).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
    public Uni<UpdateCourtEventResponse> updateCourtEvent(UpdateCourtEventRequest request) {
        return Rpc.call(() -> calls.correction(request.getRequestId(), request, request.getUpdateMask(),
                UpdateCourtEventResponse.parser(), () -> {
            var incoming = request.getCourtEvent();
            var current = toProto(courtEvents.get(incoming.getName(), "court_event.name"));
            var merged = FieldMasks.merge(current, incoming, request.getUpdateMask(), CourtEventMapper.UPDATABLE);
            var updated = courtEvents.update(incoming.getName(), incoming.getEtag(), CourtEventMapper.toDraft(merged));
            return UpdateCourtEventResponse.newBuilder().setCourtEvent(toProto(updated)).build();
        }));
    }

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Uni<RetractCourtEventResponse> retractCourtEvent(RetractCourtEventRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, RetractCourtEventResponse.parser(),
                () -> RetractCourtEventResponse.newBuilder().setCourtEvent(toProto(courtEvents.retract(
                        request.getName(), new Retraction(request.getEtag(), request.getReason())))).build()));
    }

    @Override
    public Uni<ListCourtEventRevisionsResponse> listCourtEventRevisions(ListCourtEventRevisionsRequest request) {
        return Rpc.call(() -> {
            var page = courtEvents.revisions(request.getName(), pageOf(request.getPageSize(), request.getPageToken()));
            var linked = links.ofChargeNames(page.items().stream()
                    .flatMap(revision -> RevisionSnapshots.chargesNamedBy(revision).stream()).toList());
            return ListCourtEventRevisionsResponse.newBuilder()
                    .addAllRevisions(page.items().stream()
                            .map(revision -> RevisionSnapshots.courtEventRevision(revision, caller.clearance(), linked))
                            .toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Uni<RestoreCourtEventResponse> restoreCourtEvent(RestoreCourtEventRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, RestoreCourtEventResponse.parser(),
                () -> RestoreCourtEventResponse.newBuilder().setCourtEvent(toProto(courtEvents.restore(request.getName(),
                        new Restoration(request.getRevisionId(), request.getEtag(), request.getReason())))).build()));
    }

    @Override
    @RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
    public Uni<CreateChargeResponse> createCharge(CreateChargeRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, CreateChargeResponse.parser(),
                () -> CreateChargeResponse.newBuilder().setCharge(toProto(
                        charges.create(request.getParent(), DetentionMapper.toDraft(request.getCharge())))).build()));
    }

    @Override
    public Uni<GetChargeResponse> getCharge(GetChargeRequest request) {
        return Rpc.call(() -> GetChargeResponse.newBuilder()
                .setCharge(toProto(charges.get(request.getName(), "name"))).build());
    }

    @Override
    public Uni<ListChargesResponse> listCharges(ListChargesRequest request) {
        return Rpc.call(() -> {
            var asOf = AsOf.of(request.hasAsOf(), request.getAsOf());
            var page = charges.list(request.getParent(), pageOf(request.getPageSize(), request.getPageToken()),
                    request.getShowRetracted(), asOf);
            var linked = links.of(page.items(), asOf);
            return ListChargesResponse.newBuilder()
                    .addAllCharges(page.items().stream()
                            .map(charge -> DetentionMapper.toProto(charge, caller.clearance(), linked)).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
    public Uni<UpdateChargeResponse> updateCharge(UpdateChargeRequest request) {
        return Rpc.call(() -> calls.correction(request.getRequestId(), request, request.getUpdateMask(),
                UpdateChargeResponse.parser(), () -> {
            var incoming = request.getCharge();
            var current = toProto(charges.get(incoming.getName(), "charge.name"));
            var merged = FieldMasks.merge(current, incoming, request.getUpdateMask(), DetentionMapper.CHARGE_UPDATABLE);
            var updated = charges.update(incoming.getName(), incoming.getEtag(),
                    DetentionMapper.toCorrectionDraft(merged, request.getUpdateMask()));
            return UpdateChargeResponse.newBuilder().setCharge(toProto(updated)).build();
        }));
    }

    @Override
    @RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
    public Uni<ChangeChargeStatusResponse> changeChargeStatus(ChangeChargeStatusRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, ChangeChargeStatusResponse.parser(),
                () -> ChangeChargeStatusResponse.newBuilder().setCharge(toProto(charges.changeStatus(
                        request.getName(), request.getEtag(), DetentionMapper.statusChange(request.getStatusChange()))))
                        .build()));
    }

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Uni<RetractChargeResponse> retractCharge(RetractChargeRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, RetractChargeResponse.parser(),
                () -> RetractChargeResponse.newBuilder().setCharge(toProto(charges.retract(
                        request.getName(), new Retraction(request.getEtag(), request.getReason())))).build()));
    }

    @Override
    public Uni<ListChargeRevisionsResponse> listChargeRevisions(ListChargeRevisionsRequest request) {
        return Rpc.call(() -> {
            var page = charges.revisions(request.getName(), pageOf(request.getPageSize(), request.getPageToken()));
            var linked = links.ofStatusChanges(page.items().stream()
                    .flatMap(revision -> RevisionSnapshots.statusChangesOf(revision).stream()).toList());
            return ListChargeRevisionsResponse.newBuilder()
                    .addAllRevisions(page.items().stream()
                            .map(revision -> RevisionSnapshots.chargeRevision(revision, caller.clearance(), linked))
                            .toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Uni<RestoreChargeResponse> restoreCharge(RestoreChargeRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, RestoreChargeResponse.parser(),
                () -> RestoreChargeResponse.newBuilder().setCharge(toProto(charges.restore(request.getName(),
                        new Restoration(request.getRevisionId(), request.getEtag(), request.getReason())))).build()));
    }

    @Override
    public Uni<ListPersonFeedResponse> listPersonFeed(ListPersonFeedRequest request) {
        return Rpc.call(() -> {
            var asOf = AsOf.of(request.hasAsOf(), request.getAsOf());
            var page = feeds.forPerson(request.getPerson(), DateBounds.of(request.getDateRange()),
                    caller.pageRequest(request.getPageSize(), request.getPageToken(), 100, 500), asOf);
            return ListPersonFeedResponse.newBuilder().addAllItems(feedItems(page, asOf))
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    public Uni<ListCountryFeedResponse> listCountryFeed(ListCountryFeedRequest request) {
        return Rpc.call(() -> {
            var asOf = AsOf.of(request.hasAsOf(), request.getAsOf());
            var page = feeds.forCountry(request.getDetainingCountry(),
                    DateBounds.of(request.getDateRange()),
                    caller.pageRequest(request.getPageSize(), request.getPageToken(), 100, 500), asOf);
            return ListCountryFeedResponse.newBuilder().addAllItems(feedItems(page, asOf))
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    public Uni<GetCountryStatisticsResponse> getCountryStatistics(GetCountryStatisticsRequest request) {
        return Rpc.call(() -> {
            var range = DateBounds.of(request.getDateRange());
            var result = statistics.of(request.getDetainingCountry(), range, request.getArticleLimit(),
                    AsOf.of(request.hasAsOf(), request.getAsOf()));
            return GetCountryStatisticsResponse.newBuilder()
                    .setHeldNow(result.heldNow())
                    .addAllMonthly(result.monthly().stream().map(m -> MonthlyCount.newBuilder().setYear(m.year())
                            .setMonth(m.month()).setNewDetentions(m.newDetentions()).setReleases(m.releases()).build())
                            .toList())
                    .addAllArticles(result.articles().stream().map(a -> ArticleCount.newBuilder()
                            .setJurisdiction(a.jurisdiction()).setLegalCode(a.legalCode()).setArticle(a.article())
                            .setChargeCount(a.charges()).setPersonCount(a.persons()).build()).toList())
                    .build();
        });
    }

    private Detention toProto(DetentionView detention) {
        return toProto(detention, today());
    }

    /** Days in custody are counted to the day the detention is read as of. */
    private Detention toProto(DetentionView detention, LocalDate today) {
        return DetentionMapper.toProto(detention, caller.clearance(), today);
    }

    private CustodyEvent toProto(io.habeas.detention.domain.CustodyEvent event) {
        return DetentionMapper.toProto(event, caller.clearance());
    }

    private Charge toProto(io.habeas.detention.domain.Charge charge) {
        return DetentionMapper.toProto(charge, caller.clearance(), links.of(List.of(charge)));
    }

    private CourtEvent toProto(io.habeas.detention.domain.CourtEvent event) {
        return CourtEventMapper.toProto(event, caller.clearance(), links.of(List.of(event)));
    }

    private List<FeedItem> feedItems(Page<FeedService.Item> page, AsOf asOf) {
        LocalDate today = asOf.today();
        return page.items().stream().map(item -> FeedMapper.toProto(item, caller.clearance(), today)).toList();
    }

    private PageRequest pageOf(int size, String token) {
        return caller.pageRequest(size, token, 50, 200);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
