package io.habeas.support.validation;

import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.identifiers.ExternalIds;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;

/**
 * Declares the kernel's rules ({@link ExternalIds#problems}) as a constraint: each problem on the
 * list, an entry (external_ids[2]) or a part of one (external_ids[2].value).
 */
public class ExternalIdsValidator implements ConstraintValidator<ValidExternalIds, List<ExternalId>> {

    @Override
    public boolean isValid(List<ExternalId> ids, ConstraintValidatorContext context) {
        List<ExternalIds.Problem> problems = ExternalIds.problems(ids);
        if (problems.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        for (ExternalIds.Problem problem : problems) {
            var violation = context.buildConstraintViolationWithTemplate(problem.description());
            if (problem.index() == null) {
                violation.addConstraintViolation();
            } else if (problem.part() == null) {
                violation.addBeanNode().inIterable().atIndex(problem.index()).addConstraintViolation();
            } else {
                violation.addPropertyNode(problem.part()).inIterable().atIndex(problem.index()).addConstraintViolation();
            }
        }
        return false;
    }
}
