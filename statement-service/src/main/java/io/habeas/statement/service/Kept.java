package io.habeas.statement.service;

import com.google.protobuf.Message;
import io.habeas.support.revisions.Revision;

/** A record as one of its revisions kept it, shown to one reader. */
public record Kept<M extends Message>(Revision revision, M record) {
}
