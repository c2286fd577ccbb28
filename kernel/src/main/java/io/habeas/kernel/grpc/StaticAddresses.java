package io.habeas.kernel.grpc;

import io.grpc.EquivalentAddressGroup;
import io.grpc.ManagedChannelBuilder;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A gRPC name resolver for several instances of a service at fixed addresses, where no DNS name
 * lists them all (a local run, a system test): a channel whose target has the scheme {@value #SCHEME}
 * gets the addresses given with {@link #use}, and a balancing policy such as round_robin spreads calls
 * over them. In Kubernetes the dns resolver does this from a headless Service.
 *
 * <p>Given to each channel that lists instances rather than registered through META-INF/services:
 * grpc-java looks for providers with its own class loader, which in a Quarkus test is not the one
 * that loads the application's modules, so a registered provider is not found there.
 */
public final class StaticAddresses extends NameResolverProvider {
    /** The name resolver of a Quarkus gRPC client to set (quarkus.grpc.clients.NAME.name-resolver) for a list. */
    public static final String SCHEME = "static";

    private final List<InetSocketAddress> addresses;

    private StaticAddresses(List<InetSocketAddress> addresses) {
        this.addresses = addresses;
    }

    /**
     * Gives a channel built for a {@value #SCHEME} target its instances, or checks that it needs none:
     * the resolver and the list go together, and either alone is a mistake worth failing on.
     *
     * @param client the client's name, for the messages
     * @param resolver the client's name resolver (dns unless set)
     * @param addresses host:port pairs separated by commas, if configured
     */
    public static void use(String client, String resolver, Optional<String> addresses, ManagedChannelBuilder<?> builder) {
        boolean listed = addresses.filter(a -> !a.isBlank()).isPresent();
        if (SCHEME.equals(resolver) != listed) {
            throw new IllegalStateException("gRPC client " + client + ": name resolver " + SCHEME
                    + " and a list of addresses (habeas.grpc.clients." + client + ".addresses) go together; got resolver "
                    + resolver + " and " + (listed ? "a list" : "no list"));
        }
        if (listed) {
            useFor(builder, new StaticAddresses(parse(addresses.get())));
        }
    }

    @SuppressWarnings("deprecation") // the way to give one channel its own resolver; see the class comment
    private static void useFor(ManagedChannelBuilder<?> builder, StaticAddresses resolver) {
        builder.nameResolverFactory(resolver);
    }

    /** host:port pairs separated by commas; a malformed one is refused with its text. */
    static List<InetSocketAddress> parse(String addresses) {
        List<InetSocketAddress> parsed = new ArrayList<>();
        for (String address : addresses.split(",", -1)) {
            String trimmed = address.strip();
            int colon = trimmed.lastIndexOf(':');
            try {
                if (colon < 1) {
                    throw new IllegalArgumentException("no host or no port");
                }
                parsed.add(new InetSocketAddress(trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1))));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a host:port address: '" + trimmed + "'", e);
            }
        }
        return List.copyOf(parsed);
    }

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return 4;
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }

    @Override
    public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
        return List.of(InetSocketAddress.class);
    }

    @Override
    public NameResolver newNameResolver(URI target, NameResolver.Args args) {
        if (!SCHEME.equals(target.getScheme())) {
            return null;
        }
        String authority = target.getAuthority() == null ? SCHEME : target.getAuthority();
        return new NameResolver() {
            private Listener2 listener;

            @Override
            public String getServiceAuthority() {
                return authority;
            }

            @Override
            public void start(Listener2 listener) {
                this.listener = listener;
                refresh();
            }

            @Override
            public void refresh() {
                // One group per instance: round_robin keeps a connection to each and skips those that are down.
                listener.onResult(ResolutionResult.newBuilder()
                        .setAddresses(addresses.stream().map(EquivalentAddressGroup::new).toList())
                        .build());
            }

            @Override
            public void shutdown() {
            }
        };
    }
}
