package io.habeas.gateway.view;

import io.habeas.kernel.names.PersonName;

/**
 * The gateway's ids, as in its paths: the last segment of a service's resource name.
 * The gateway passes them through as its backends issue them and leaves checking them (as UUIDs,
 * by the kernel's typed names) to the backends; the collection names are the kernel's.
 */
public final class ResourceIds {

    private static final String ID = "{id}";

    private ResourceIds() {
    }

    /** "detentions/1/charges/2" is shown as "2". */
    public static String id(String resourceName) {
        return resourceName.substring(resourceName.lastIndexOf('/') + 1);
    }

    /** The person resource name that a gateway person id stands for. */
    public static String personName(String id) {
        return PersonName.FORM.replace(ID, id);
    }
}
