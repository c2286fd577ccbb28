package io.habeas.support.access;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The settings SmallRye JWT verifies bearer tokens with. They have no defaults: a service
 * started without them fails at once, naming the missing one, instead of refusing every call.
 */
@Startup
@Singleton
public class TokenVerification {
    private static final Logger LOG = Logger.getLogger(TokenVerification.class);

    TokenVerification(@ConfigProperty(name = "mp.jwt.verify.publickey.location") String key,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") List<String> audiences) {
        LOG.infof("Bearer tokens are verified with %s, issuer %s, audience %s", key, issuer, audiences);
    }
}
