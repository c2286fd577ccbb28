package io.habeas.support.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.kernel.identifiers.ExternalId;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The declared constraint reports the kernel's rules on the list, an entry or its part (cases: ExternalIdsTest). */
class ExternalIdsValidatorTest {

    record Draft(@ValidExternalIds List<ExternalId> externalIds) {
    }

    private static List<String> violations(List<ExternalId> ids) {
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            return new TreeSet<>(factory.getValidator().validate(new Draft(ids)).stream()
                    .map(v -> RequestValidator.fieldPath("person", v) + ": " + v.getMessage()).toList()).stream().toList();
        }
    }

    @Test
    void reportsEachProblemOnItsOwnPath() {
        List<ExternalId> ids = new ArrayList<>(List.of(ExternalId.written("wikidata", "q1"), ExternalId.written("Wikidata", "Q2")));
        ids.add(null);
        assertEquals(List.of(
                "person.external_ids[0].value: must be a Wikidata item id under wikidata: Q and its number, such as Q42",
                "person.external_ids[1].scheme: wikidata is given twice: a record holds one identifier per scheme",
                "person.external_ids[2]: is required"), violations(ids));
    }

    @Test
    void reportsTooManyOnTheList() {
        assertEquals(List.of("person.external_ids: must hold at most 20 identifiers"),
                violations(IntStream.range(0, 21).mapToObj(i -> new ExternalId("s" + i, "v")).toList()));
    }

    @Test
    void acceptsNoneAndWellFormedOnes() {
        assertEquals(List.of(), violations(null));
        assertEquals(List.of(), violations(List.of(ExternalId.written("wikidata", "Q42"), ExternalId.written("viasna", "1"))));
    }
}
