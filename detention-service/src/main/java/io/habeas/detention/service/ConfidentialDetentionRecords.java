package io.habeas.detention.service;

import io.habeas.detention.repository.LevelRepository;
import io.habeas.kernel.names.ChargeName;
import io.habeas.kernel.names.CourtEventName;
import io.habeas.kernel.names.CustodyEventName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.IncidentName;
import io.habeas.kernel.names.PersonName;
import io.habeas.support.audit.ConfidentialRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** For the read audit: a record is CONFIDENTIAL when it, its detention or its person is. */
@ApplicationScoped
public class ConfidentialDetentionRecords implements ConfidentialRecords {
    /** Each kind of name this service serves, by the shape the kernel gives it; the id is the last part. */
    private static final Map<String, Pattern> KINDS = Map.of(
            "persons", Pattern.compile(PersonName.REGEX),
            "detentions", Pattern.compile(DetentionName.REGEX),
            "events", Pattern.compile(CustodyEventName.REGEX),
            "charges", Pattern.compile(ChargeName.REGEX),
            "incidents", Pattern.compile(IncidentName.REGEX),
            "courtEvents", Pattern.compile(CourtEventName.REGEX));

    @Inject
    LevelRepository levels;

    @Override
    public Set<String> confidentialNow(Set<String> names) {
        Map<String, List<UUID>> byKind = new HashMap<>();
        Map<UUID, String> nameOf = new HashMap<>();
        for (String name : names) {
            KINDS.forEach((kind, shape) -> {
                if (shape.matcher(name).matches()) {
                    UUID id = UUID.fromString(name.substring(name.lastIndexOf('/') + 1));
                    byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
                    nameOf.put(id, name);
                }
            });
        }
        return levels.confidential(byKind).stream().map(nameOf::get).collect(Collectors.toSet());
    }
}
