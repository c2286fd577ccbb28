package io.habeas.gateway.view;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.Source;
import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.api.SourceView;
import io.habeas.kernel.proto.CommonProtos;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Citations as dashboards see them: only the sources the access policy lets through. */
@ApplicationScoped
public class SourceViews {

    @Inject
    AccessPolicy access;

    public List<SourceView> visible(List<Source> sources) {
        // A citation without a level of its own goes with its record, which was already let through.
        return sources.stream().filter(s -> s.getAccessLevel() == AccessLevel.ACCESS_LEVEL_UNSPECIFIED
                        || access.visible(s.getAccessLevel()))
                .map(s -> new SourceView(s.getPublisher(), s.getTitle(), CommonProtos.emptyToNull(s.getUrl()),
                        DateViews.of(s.getPublishedOn()), EnumValues.of(s.getReliability())))
                .toList();
    }
}
