package io.habeas.gateway.timeline;

import java.util.Locale;

/** Resource names and enum values as the JSON shows them. */
public final class Names {

    private Names() {
    }

    /** "persons/abc" to "abc". */
    public static String id(String resourceName) {
        int slash = resourceName.lastIndexOf('/');
        return slash < 0 ? resourceName : resourceName.substring(slash + 1);
    }

    /** "CUSTODY_STATUS_HOUSE_ARREST" with prefix "CUSTODY_STATUS_" to "house_arrest"; null when unspecified. */
    public static String enumValue(String name, String prefix) {
        String value = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
        if (value.equals("UNSPECIFIED") || value.equals("UNRECOGNIZED")) {
            return null;
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
