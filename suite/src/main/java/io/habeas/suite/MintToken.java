package io.habeas.suite;

import io.habeas.kernel.access.Role;
import java.time.Duration;
import java.util.Arrays;

/**
 * Prints a new bearer token of a role, signed with the run command's development key:
 * {@code java -cp suite/target/habeas-suite.jar io.habeas.suite.MintToken admin [hours]}
 * (so {@code export TOKEN=$(java -cp ... MintToken analyst)}). The run command must have run once.
 */
public final class MintToken {
    private MintToken() {
    }

    public static void main(String[] args) {
        Role role = args.length == 0 ? null : Role.fromClaim(args[0]).orElse(null);
        if (role == null) {
            System.err.println("usage: MintToken <" + String.join("|", Arrays.stream(Role.values()).map(Role::claim).toList())
                    + "> [hours, default " + DevTokens.FOR_PEOPLE.toHours() + "]");
            System.exit(2);
        }
        Duration validity = args.length > 1 ? Duration.ofHours(Long.parseLong(args[1])) : DevTokens.FOR_PEOPLE;
        try {
            System.out.println(DevTokens.existing(Suite.dataFolder(Suite.findRoot())).forPerson(role, validity));
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
