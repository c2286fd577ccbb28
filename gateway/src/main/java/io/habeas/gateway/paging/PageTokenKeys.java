package io.habeas.gateway.paging;

import io.habeas.gateway.GatewayConfig;
import io.habeas.kernel.paging.TokenKeys;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Gives the kernel's tokens, and so the cursors, their key at startup. Without a key the prod
 * profile does not start; other profiles warn and seal with a random key of the process.
 */
@ApplicationScoped
public class PageTokenKeys {
    private static final Logger LOG = Logger.getLogger(PageTokenKeys.class);

    @Inject
    GatewayConfig config;

    void configure(@Observes StartupEvent startup) {
        GatewayConfig.PageToken settings = config.pageToken();
        TokenKeys.configureAtStartup(settings.key(), settings.lifetime(), ConfigUtils.isProfileActive("prod"))
                .ifPresent(LOG::warn);
    }
}
