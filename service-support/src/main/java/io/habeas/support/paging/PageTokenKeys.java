package io.habeas.support.paging;

import io.habeas.kernel.paging.TokenKeys;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives the kernel's page tokens their key at startup, in both services: habeas.page-token.key
 * (HABEAS_PAGE_TOKEN_KEY) and habeas.page-token.lifetime. Without a key the prod profile does not
 * start; other profiles warn and seal with a random key of the process.
 */
@ApplicationScoped
public class PageTokenKeys {
    private static final Logger LOG = Logger.getLogger(PageTokenKeys.class);

    @ConfigProperty(name = "habeas.page-token.key")
    Optional<String> key;
    @ConfigProperty(name = "habeas.page-token.lifetime", defaultValue = "24h")
    Duration lifetime;

    void configure(@Observes StartupEvent startup) {
        TokenKeys.configureAtStartup(key, lifetime, ConfigUtils.isProfileActive("prod")).ifPresent(LOG::warn);
    }
}
