package io.habeas.support.audit;

import io.habeas.support.validation.HumanWritten;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** Which read audit entries to list: by whom, of which record; unset (null) is any. */
public record ReadAuditFilter(@Size(max = 300) @HumanWritten String principal,
        @Pattern(regexp = RESOURCE_NAME, message = "must be a resource name, such as persons/{id}") String resource) {
    private static final String ID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    /** Collections and ids in turn: persons/{id}, detentions/{id}/custodyEvents/{id}. */
    static final String RESOURCE_NAME = "[a-z][A-Za-z]{0,39}/" + ID + "(/[a-z][A-Za-z]{0,39}/" + ID + "){0,3}";

    /** From the request's fields, where empty means unset; ids are compared as services write them, lower case. */
    public static ReadAuditFilter of(String principal, String resource) {
        return new ReadAuditFilter(principal.isEmpty() ? null : principal,
                resource.isEmpty() ? null : lowerCaseIds(resource));
    }

    private static String lowerCaseIds(String name) {
        String[] parts = name.split("/", -1);
        for (int i = 1; i < parts.length; i += 2) {
            parts[i] = parts[i].toLowerCase(Locale.ROOT);
        }
        return String.join("/", parts);
    }
}
