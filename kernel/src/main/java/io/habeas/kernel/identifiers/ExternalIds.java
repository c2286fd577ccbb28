package io.habeas.kernel.identifiers;

import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules of a record's external identifiers: at most {@value #MAX_PER_RECORD}, each well formed, each scheme once. */
public final class ExternalIds {
    public static final int MAX_PER_RECORD = 20;

    private ExternalIds() {
    }

    /**
     * One thing wrong with a record's identifiers: where (the index in the list, null for the list
     * itself; the part, "scheme" or "value", null for the whole identifier) and what.
     */
    public record Problem(Integer index, String part, String description) {
        /** The field path under the list's own, such as person.external_ids[2].value. */
        public String path(String field) {
            return field + (index == null ? "" : "[" + index + "]") + (part == null ? "" : "." + part);
        }
    }

    /** Everything wrong with the list, in its order; empty when it may be stored. */
    public static List<Problem> problems(List<ExternalId> ids) {
        List<Problem> problems = new ArrayList<>();
        if (ids == null) {
            return problems;
        }
        if (ids.size() > MAX_PER_RECORD) {
            problems.add(new Problem(null, null, "must hold at most " + MAX_PER_RECORD + " identifiers"));
        }
        Set<String> schemes = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            ExternalId id = ids.get(i);
            if (id == null) {
                problems.add(new Problem(i, null, "is required"));
                continue;
            }
            var own = id.problems();
            int index = i;
            own.forEach((part, description) -> problems.add(new Problem(index, part, description)));
            if (!own.containsKey("scheme") && !schemes.add(id.scheme())) {
                problems.add(new Problem(i, "scheme", id.scheme() + " is given twice: a record holds one identifier per scheme"));
            }
        }
        return problems;
    }

    /** The list, if it may be stored; INVALID_ARGUMENT naming every problem under the field otherwise. */
    public static List<ExternalId> checked(List<ExternalId> ids, String field) {
        throwIfAny(problems(ids), field);
        return ids;
    }

    /** One identifier to look a record up by, if it is well formed; INVALID_ARGUMENT naming its parts otherwise. */
    public static ExternalId checked(ExternalId id, String field) {
        List<Problem> problems = new ArrayList<>();
        id.problems().forEach((part, description) -> problems.add(new Problem(null, part, description)));
        throwIfAny(problems, field);
        return id;
    }

    private static void throwIfAny(List<Problem> problems, String field) {
        if (!problems.isEmpty()) {
            throw new InvalidArgumentException(problems.stream()
                    .map(p -> new FieldViolation(p.path(field), p.description())).toList());
        }
    }
}
