package io.habeas.suite.load;

import io.habeas.common.v1.PartialDate;
import io.habeas.detention.v1.CreateCustodyEventRequest;
import io.habeas.detention.v1.CreateDetentionRequest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.Person;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.Statement;
import java.util.stream.Collectors;

/** The fields a client sends of each record, as text: what was sent and what is read back must match. */
final class Projection {
    private Projection() {
    }

    static String sent(Acknowledged write) {
        return switch (write.kind()) {
            case PERSON -> of(((CreatePersonRequest) write.request()).getPerson());
            case DETENTION -> of(((CreateDetentionRequest) write.request()).getDetention());
            case CUSTODY_EVENT -> of(((CreateCustodyEventRequest) write.request()).getCustodyEvent());
            case STATEMENT -> of(((CreateStatementRequest) write.request()).getStatement());
        };
    }

    static String of(Person p) {
        return String.join("|", p.getDisplayName(), p.getCitizenshipsList().toString(), p.getAccessLevel().name());
    }

    static String of(Detention d) {
        return String.join("|", d.getPerson(), d.getDetainingCountry(), d.getPlace(), date(d.getStartDate()),
                d.getInitialStatus().name(), d.getAccessLevel().name());
    }

    static String of(CustodyEvent e) {
        return String.join("|", e.getType().name(), date(e.getOccurredOn()), e.getDescription(), e.getAccessLevel().name());
    }

    static String of(Statement s) {
        return String.join("|", s.getActor(), s.getTitle(), date(s.getMadeOn()), s.getMedium().name(), s.getAccessLevel().name(),
                s.getClaimsList().stream().map(Projection::of).collect(Collectors.joining(";")));
    }

    private static String of(Claim c) {
        return String.join(",", c.getKind().name(), c.getSubjectPersonsList().toString(), c.getAddresseeCountry(), c.getText());
    }

    /** The date as sent: the service adds its precision, which follows from the parts given. */
    private static String date(PartialDate date) {
        return date.getYear() + "-" + date.getMonth() + "-" + date.getDay();
    }
}
