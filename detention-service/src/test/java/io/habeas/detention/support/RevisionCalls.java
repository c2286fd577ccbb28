package io.habeas.detention.support;

import com.google.protobuf.Message;
import io.habeas.common.v1.Revision;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.GetChargeRequest;
import io.habeas.detention.v1.GetCourtEventRequest;
import io.habeas.detention.v1.GetCustodyEventRequest;
import io.habeas.detention.v1.GetDetentionRequest;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.ListChargeRevisionsRequest;
import io.habeas.detention.v1.ListCourtEventRevisionsRequest;
import io.habeas.detention.v1.ListCustodyEventRevisionsRequest;
import io.habeas.detention.v1.ListDetentionRevisionsRequest;
import io.habeas.detention.v1.ListPersonRevisionsRequest;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.detention.v1.RestoreChargeRequest;
import io.habeas.detention.v1.RestoreCourtEventRequest;
import io.habeas.detention.v1.RestoreCustodyEventRequest;
import io.habeas.detention.v1.RestoreDetentionRequest;
import io.habeas.detention.v1.RestorePersonRequest;
import java.util.List;

/**
 * Reads, lists the revisions of and restores any of the five kinds of record alike, by its
 * resource name, through one caller's stubs: tests over every kind stay one loop.
 */
public record RevisionCalls(PersonServiceGrpc.PersonServiceBlockingStub persons,
        DetentionServiceGrpc.DetentionServiceBlockingStub detentions) {

    /** A revision with the record as it left it, as the caller is shown it. */
    public record Revised(Revision revision, Message record) {
    }

    public enum Kind {
        PERSON, DETENTION, CUSTODY_EVENT, CHARGE, COURT_EVENT;

        public static Kind of(String name) {
            if (name.contains("/custodyEvents/")) {
                return CUSTODY_EVENT;
            }
            if (name.contains("/courtEvents/")) {
                return COURT_EVENT;
            }
            if (name.contains("/charges/")) {
                return CHARGE;
            }
            return name.startsWith("persons/") ? PERSON : DETENTION;
        }
    }

    /** The record as Get* answers it. */
    public Message get(String name) {
        return switch (Kind.of(name)) {
            case PERSON -> persons.getPerson(GetPersonRequest.newBuilder().setName(name).build()).getPerson();
            case DETENTION -> detentions.getDetention(GetDetentionRequest.newBuilder().setName(name).build()).getDetention();
            case CUSTODY_EVENT -> detentions.getCustodyEvent(GetCustodyEventRequest.newBuilder().setName(name).build())
                    .getCustodyEvent();
            case CHARGE -> detentions.getCharge(GetChargeRequest.newBuilder().setName(name).build()).getCharge();
            case COURT_EVENT -> detentions.getCourtEvent(GetCourtEventRequest.newBuilder().setName(name).build())
                    .getCourtEvent();
        };
    }

    /** The etag the record has now. */
    public String etag(String name) {
        Message record = get(name);
        return (String) record.getField(record.getDescriptorForType().findFieldByName("etag"));
    }

    /** The first page of the record's revisions, newest first (200 holds them all in these tests). */
    public List<Revised> list(String name) {
        return list(name, 200, "").revisions();
    }

    public record Page(List<Revised> revisions, String nextPageToken) {
    }

    public Page list(String name, int pageSize, String pageToken) {
        return list(Kind.of(name), name, pageSize, pageToken);
    }

    /** List*Revisions of this kind of record, whatever the name holds. */
    public Page list(Kind kind, String name, int pageSize, String pageToken) {
        return switch (kind) {
            case PERSON -> {
                var answer = persons.listPersonRevisions(ListPersonRevisionsRequest.newBuilder().setName(name)
                        .setPageSize(pageSize).setPageToken(pageToken).build());
                yield new Page(answer.getRevisionsList().stream().map(r -> new Revised(r.getRevision(), r.getPerson()))
                        .toList(), answer.getNextPageToken());
            }
            case DETENTION -> {
                var answer = detentions.listDetentionRevisions(ListDetentionRevisionsRequest.newBuilder().setName(name)
                        .setPageSize(pageSize).setPageToken(pageToken).build());
                yield new Page(answer.getRevisionsList().stream().map(r -> new Revised(r.getRevision(), r.getDetention()))
                        .toList(), answer.getNextPageToken());
            }
            case CUSTODY_EVENT -> {
                var answer = detentions.listCustodyEventRevisions(ListCustodyEventRevisionsRequest.newBuilder()
                        .setName(name).setPageSize(pageSize).setPageToken(pageToken).build());
                yield new Page(answer.getRevisionsList().stream()
                        .map(r -> new Revised(r.getRevision(), r.getCustodyEvent())).toList(), answer.getNextPageToken());
            }
            case CHARGE -> {
                var answer = detentions.listChargeRevisions(ListChargeRevisionsRequest.newBuilder().setName(name)
                        .setPageSize(pageSize).setPageToken(pageToken).build());
                yield new Page(answer.getRevisionsList().stream().map(r -> new Revised(r.getRevision(), r.getCharge()))
                        .toList(), answer.getNextPageToken());
            }
            case COURT_EVENT -> {
                var answer = detentions.listCourtEventRevisions(ListCourtEventRevisionsRequest.newBuilder().setName(name)
                        .setPageSize(pageSize).setPageToken(pageToken).build());
                yield new Page(answer.getRevisionsList().stream()
                        .map(r -> new Revised(r.getRevision(), r.getCourtEvent())).toList(), answer.getNextPageToken());
            }
        };
    }

    /** The newest revision the caller sees. */
    public Revised newest(String name) {
        return list(name).get(0);
    }

    /** Restore*, answering the restored record. */
    public Message restore(String name, String revisionId, String etag, String reason, String requestId) {
        return restore(Kind.of(name), name, revisionId, etag, reason, requestId);
    }

    /** Restore* of this kind of record, whatever the name holds. */
    public Message restore(Kind kind, String name, String revisionId, String etag, String reason, String requestId) {
        return switch (kind) {
            case PERSON -> persons.restorePerson(RestorePersonRequest.newBuilder().setName(name).setRevisionId(revisionId)
                    .setEtag(etag).setReason(reason).setRequestId(requestId).build()).getPerson();
            case DETENTION -> detentions.restoreDetention(RestoreDetentionRequest.newBuilder().setName(name)
                    .setRevisionId(revisionId).setEtag(etag).setReason(reason).setRequestId(requestId).build())
                    .getDetention();
            case CUSTODY_EVENT -> detentions.restoreCustodyEvent(RestoreCustodyEventRequest.newBuilder().setName(name)
                    .setRevisionId(revisionId).setEtag(etag).setReason(reason).setRequestId(requestId).build())
                    .getCustodyEvent();
            case CHARGE -> detentions.restoreCharge(RestoreChargeRequest.newBuilder().setName(name)
                    .setRevisionId(revisionId).setEtag(etag).setReason(reason).setRequestId(requestId).build())
                    .getCharge();
            case COURT_EVENT -> detentions.restoreCourtEvent(RestoreCourtEventRequest.newBuilder().setName(name)
                    .setRevisionId(revisionId).setEtag(etag).setReason(reason).setRequestId(requestId).build())
                    .getCourtEvent();
        };
    }
}
