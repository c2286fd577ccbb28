package io.habeas.support.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.kernel.text.HumanText.Shape;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.TreeSet;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The declared constraint reports the kernel's text rule on the field, and on each element of a list (cases: HumanTextTest). */
class HumanWrittenValidatorTest {

    record Draft(@HumanWritten String displayName, List<@HumanWritten String> aliases,
            @HumanWritten(Shape.PARAGRAPH) String description) {
    }

    private static List<String> violations(Draft draft) {
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            return new TreeSet<>(factory.getValidator().validate(draft).stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).toList()).stream().toList();
        }
    }

    @Test
    void reportsTheKernelsReasonOnEachField() {
        assertEquals(List.of(
                "aliases[1].<list element>: holds the bidi control U+202E, which reorders what readers see at character 1",
                "description: holds the control character U+0007 at character 5",
                "displayName: holds the control character U+0000 at character 2"),
                violations(new Draft("G\u0000", List.of("Qubad", "\u202Eulgodabi"), "Line\u0007")));
    }

    @Test
    void acceptsWrittenTextAndLineBreaksInAParagraph() {
        assertEquals(List.of(), violations(new Draft("Gubad Ibadoglu", List.of("Qubad İbadoğlu"), "Economist.\nDetained 2023.")));
        assertEquals(List.of(), violations(new Draft(null, List.of(), null)));
    }
}
