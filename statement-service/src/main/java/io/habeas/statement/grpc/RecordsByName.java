package io.habeas.statement.grpc;

import com.google.protobuf.Message;
import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.names.StatementName;
import io.habeas.statement.mapping.ActorMapper;
import io.habeas.statement.mapping.StatementMapper;
import io.habeas.statement.service.ActorService;
import io.habeas.statement.service.StatementService;
import io.habeas.support.grpc.CurrentRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/** Replayed writes read their records again here, by the same paths and mappings as the Get methods. */
@ApplicationScoped
public class RecordsByName implements CurrentRecords {
    private static final Pattern ACTOR = Pattern.compile(ActorName.REGEX);
    private static final Pattern STATEMENT = Pattern.compile(StatementName.REGEX);

    @Inject
    ActorService actors;
    @Inject
    StatementService statements;

    @Override
    public Message read(String name) {
        if (ACTOR.matcher(name).matches()) {
            return ActorMapper.toProto(actors.get(name, "name"));
        }
        if (STATEMENT.matcher(name).matches()) {
            return StatementMapper.toProto(statements.get(name, "name"));
        }
        throw new IllegalStateException("no record of this service is named like " + name);
    }
}
