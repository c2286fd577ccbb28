package io.habeas.gateway.live;

import io.habeas.gateway.client.Backend;
import io.smallrye.mutiny.Multi;
import java.util.function.Function;

/**
 * One backend watch a live timeline merges: its changes from a resume point (empty: from now on),
 * each already read as the timeline shows it, in the watch's order.
 *
 * @param id stable within a timeline: the key of this watch's resume point in an event id
 */
public record LiveSource(String id, Backend backend, Function<String, Multi<LiveChange>> watch) {
}
