package io.habeas.gateway.timeline;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.Source;
import io.habeas.gateway.api.SourceView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What dashboards may see. CONFIDENTIAL records and sources never leave the gateway. RESTRICTED
 * ones are served while habeas.gateway.serve-restricted is true (the default, until
 * authentication lands); set it to false for a public deployment. Unspecified counts as
 * RESTRICTED, as the services store it.
 */
@ApplicationScoped
public class AccessPolicy {

    @ConfigProperty(name = "habeas.gateway.serve-restricted", defaultValue = "true")
    boolean serveRestricted;

    public boolean visible(AccessLevel level) {
        return switch (level) {
            case ACCESS_LEVEL_PUBLIC -> true;
            case ACCESS_LEVEL_CONFIDENTIAL -> false;
            default -> serveRestricted;
        };
    }

    public List<SourceView> sources(List<Source> sources) {
        List<SourceView> out = new ArrayList<>();
        for (Source s : sources) {
            if (visible(s.getAccessLevel())) {
                out.add(new SourceView(s.getPublisher(), s.getTitle(), s.getUrl().isEmpty() ? null : s.getUrl(),
                        Dates.view(s.getPublishedOn()), s.getReliability() == io.habeas.common.v1.SourceReliability.SOURCE_RELIABILITY_UNSPECIFIED
                                ? null
                                : Names.enumValue(s.getReliability().name(), "SOURCE_RELIABILITY_")));
            }
        }
        return out;
    }
}
