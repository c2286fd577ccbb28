package io.habeas.support.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.kernel.time.PartialDate;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The declared constraint reports the kernel's rule on the field that carries it (the rule's cases: PartialDateTest). */
class PartialDateValidatorTest {

    record Draft(@ValidPartialDate PartialDate filedOn) {
    }

    private static List<String> violations(PartialDate date) {
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            return factory.getValidator().validate(new Draft(date)).stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).toList();
        }
    }

    @Test
    void reportsTheKernelsReasonOnTheAnnotatedField() {
        assertEquals(List.of("filedOn: 2023-02-30 does not exist"), violations(new PartialDate(2023, 2, 30)));
        assertEquals(List.of("filedOn: a day needs a month"), violations(new PartialDate(2023, null, 5)));
    }

    @Test
    void acceptsAValidOrAbsentDate() {
        assertEquals(List.of(), violations(PartialDate.of(2023, 7, 0)));
        assertEquals(List.of(), violations(null));
    }
}
