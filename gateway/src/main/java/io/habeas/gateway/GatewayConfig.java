package io.habeas.gateway;

import io.habeas.gateway.client.Backend;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every gateway setting: habeas.gateway.*, or HABEAS_GATEWAY_* in the environment (the README lists them). */
@ConfigMapping(prefix = "habeas.gateway")
public interface GatewayConfig {

    Backends backends();

    Timeline timeline();

    CountryTimeline countryTimeline();

    CountrySummary countrySummary();

    Profile profile();

    Csv csv();

    RateLimit rateLimit();

    Live live();

    /** The key cursors are sealed with: the services' settings, habeas.page-token.* (see application.properties). */
    PageToken pageToken();

    /** habeas.gateway.backends.{detention,statement}.* */
    interface Backends {
        BackendSettings detention();

        BackendSettings statement();

        default BackendSettings of(Backend backend) {
            return backend == Backend.DETENTION ? detention() : statement();
        }
    }

    /** Deadline and circuit breaker of one gRPC backend. */
    interface BackendSettings {
        /** gRPC deadline of each call; the fault-tolerance timeout is the same. */
        @WithDefault("2s")
        Duration deadline();

        /** How many recent calls the circuit breaker looks at. */
        @WithDefault("10")
        int circuitBreakerVolume();

        /** The share of those calls that must have failed to open the circuit. */
        @WithDefault("0.5")
        double circuitBreakerFailureRatio();

        /** How long the circuit stays open before a trial call. */
        @WithDefault("5s")
        Duration circuitBreakerDelay();
    }

    interface Timeline {
        /** Items asked of a backend per page, never the client's choice. Cursors are bound to it: a change ends the walks under way (400). */
        @WithDefault("100")
        int backendPageSize();

        /** Backend pages one gateway page may fetch; past it, the page ends early with a cursor. */
        @WithDefault("40")
        int maxFetchesPerPage();
    }

    interface CountryTimeline {
        /** Detained persons whose claims a country timeline follows, in one statement-service list (its maximum). */
        @WithDefault("1000")
        int maxDetainedPersons();
    }

    interface CountrySummary {
        /** Detained persons whose release calls a summary counts, in one batch call; past it the summary is truncated. */
        @WithDefault("1000")
        int maxPersons();
    }

    interface Profile {
        /** Detentions whose charges a profile reads (one ListCharges each). */
        @WithDefault("20")
        int maxDetentions();
    }

    /** habeas.gateway.page-token.*, set from habeas.page-token.* (HABEAS_PAGE_TOKEN_KEY, HABEAS_PAGE_TOKEN_LIFETIME). */
    interface PageToken {
        /** The base64 of 32 random bytes, the same for every replica; required in the prod profile. */
        Optional<String> key();

        /** How long a cursor stays good. */
        @WithDefault("24h")
        Duration lifetime();
    }

    interface Csv {
        /** Events in one CSV download; past it the download says X-Habeas-Truncated. */
        @WithDefault("10000")
        int maxEvents();
    }

    /** habeas.gateway.rate-limit.*: a token bucket per client (the token's subject, else the remote address). */
    interface RateLimit {
        /** Requests one client may make at once, and per period; 0 turns the limit off. */
        @WithDefault("120")
        int requests();

        /** How long a client takes to earn its whole allowance back. */
        @WithDefault("1m")
        Duration period();

        /** Clients remembered at once; past it the least recently seen is forgotten. */
        @WithDefault("10000")
        int maxClients();
    }

    /** habeas.gateway.live.*: the live timelines (Server-Sent Events). */
    interface Live {
        /** How often an idle stream sends a heartbeat comment. */
        @WithDefault("15s")
        Duration heartbeat();

        /** Events one stream holds that its client has not yet taken; past it the client is cut off with its resume id. */
        @WithDefault("256")
        int buffer();

        /** How long a cut-off client has to take its final event before its connection is closed. */
        @WithDefault("10s")
        Duration stallTimeout();

        /**
         * Live streams one caller (the token's subject) may hold open on one instance. A country's stream holds three
         * statement-service watches, and the services allow a caller 8 on an instance: 2 keeps within it.
         */
        @WithDefault("2")
        int maxPerCaller();

        /** Live streams one instance holds open at most. */
        @WithDefault("500")
        int maxPerInstance();
    }
}
