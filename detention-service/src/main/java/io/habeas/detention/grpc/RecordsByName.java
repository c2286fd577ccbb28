package io.habeas.detention.grpc;

import com.google.protobuf.Message;
import io.habeas.detention.mapping.CourtEventMapper;
import io.habeas.detention.mapping.DetentionMapper;
import io.habeas.detention.mapping.IncidentMapper;
import io.habeas.detention.mapping.PersonMapper;
import io.habeas.detention.service.ChargeService;
import io.habeas.detention.service.CourtEventLinks;
import io.habeas.detention.service.CourtEventService;
import io.habeas.detention.service.CustodyEventService;
import io.habeas.detention.service.DetentionService;
import io.habeas.detention.service.IncidentService;
import io.habeas.detention.service.PersonService;
import io.habeas.kernel.names.ChargeName;
import io.habeas.kernel.names.CourtEventName;
import io.habeas.kernel.names.CustodyEventName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.IncidentName;
import io.habeas.kernel.names.PersonName;
import io.habeas.support.access.Caller;
import io.habeas.support.grpc.CurrentRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

/** Replayed writes read their records again here, by the same paths and mappings as the Get methods. */
@ApplicationScoped
public class RecordsByName implements CurrentRecords {
    private static final Pattern PERSON = Pattern.compile(PersonName.REGEX);
    private static final Pattern DETENTION = Pattern.compile(DetentionName.REGEX);
    private static final Pattern EVENT = Pattern.compile(CustodyEventName.REGEX);
    private static final Pattern CHARGE = Pattern.compile(ChargeName.REGEX);
    private static final Pattern INCIDENT = Pattern.compile(IncidentName.REGEX);
    private static final Pattern COURT_EVENT = Pattern.compile(CourtEventName.REGEX);

    @Inject
    PersonService persons;
    @Inject
    DetentionService detentions;
    @Inject
    CustodyEventService events;
    @Inject
    ChargeService charges;
    @Inject
    IncidentService incidents;
    @Inject
    CourtEventService courtEvents;
    @Inject
    CourtEventLinks links;
    @Inject
    Caller caller;

    @Override
    public Message read(String name) {
        if (PERSON.matcher(name).matches()) {
            return PersonMapper.toProto(persons.get(name, "name"), caller.clearance());
        }
        if (DETENTION.matcher(name).matches()) {
            return DetentionMapper.toProto(detentions.read(name, "name"), caller.clearance(), LocalDate.now(ZoneOffset.UTC));
        }
        if (EVENT.matcher(name).matches()) {
            return DetentionMapper.toProto(events.get(name, "name"), caller.clearance());
        }
        if (CHARGE.matcher(name).matches()) {
            var charge = charges.get(name, "name");
            return DetentionMapper.toProto(charge, caller.clearance(), links.of(List.of(charge)));
        }
        if (COURT_EVENT.matcher(name).matches()) {
            var event = courtEvents.get(name, "name");
            return CourtEventMapper.toProto(event, caller.clearance(), links.of(List.of(event)));
        }
        if (INCIDENT.matcher(name).matches()) {
            return IncidentMapper.toProto(incidents.get(name, "name"), caller.clearance());
        }
        throw new IllegalStateException("no record of this service is named like " + name);
    }
}
