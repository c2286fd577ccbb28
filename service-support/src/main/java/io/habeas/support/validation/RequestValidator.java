package io.habeas.support.validation;

import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the declared constraints of a command and reports every violation at once, named by
 * its proto field path ("person.sources[0].url"), so the caller can fix them all.
 */
@ApplicationScoped
public class RequestValidator {
    @Inject
    Validator validator;

    public void check(Object command, String fieldPrefix) {
        List<FieldViolation> violations = validator.validate(command).stream()
                .map(violation -> new FieldViolation(fieldPath(fieldPrefix, violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
    }

    static String fieldPath(String prefix, ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder(prefix);
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable() && node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                path.append(path.isEmpty() ? "" : ".").append(snakeCase(name));
            }
        }
        return path.toString();
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
