package io.habeas.statement.service;

import io.habeas.kernel.names.ClaimName;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.text.HumanText;
import io.habeas.statement.domain.ClaimKind;
import io.habeas.support.validation.CountryCode;
import io.habeas.support.validation.CrossFieldChecked;
import io.habeas.support.validation.CrossFieldRules;
import io.habeas.support.validation.HumanWritten;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One claim of a statement draft. Its name is read on updates only: a claim that keeps its
 * name keeps its identity, and with it the claims that answer it.
 */
@CrossFieldChecked
public record ClaimDraft(
        String name,
        @NotNull ClaimKind kind,
        @Size(max = 50) List<@NotNull @Pattern(regexp = PersonName.REGEX,
                message = "must be a resource name of the form " + PersonName.FORM) String> subjectPersons,
        @Size(max = 50) List<@NotNull @CountryCode String> subjectCountries,
        @CountryCode String addresseeCountry,
        @NotBlank @Size(max = 4000) @HumanWritten(HumanText.Shape.PARAGRAPH) String text,
        @Pattern(regexp = ClaimName.REGEX, message = "must be a resource name of the form " + ClaimName.FORM)
        String answers) implements CrossFieldRules {

    @Override
    public Map<String, String> brokenRules() {
        Map<String, String> broken = new LinkedHashMap<>();
        List<String> persons = subjectPersons == null ? List.of() : subjectPersons;
        List<String> countries = subjectCountries == null ? List.of() : subjectCountries;
        if (persons.isEmpty() && countries.isEmpty()) {
            broken.put("subjectPersons", "a claim is about at least one person or country");
        }
        duplicates(persons, "subjectPersons", broken);
        duplicates(countries, "subjectCountries", broken);
        return broken;
    }

    private static void duplicates(List<String> values, String property, Map<String, String> broken) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null && !seen.add(values.get(i))) {
                broken.put(property + "[" + i + "]", "repeats " + values.get(i));
            }
        }
    }
}
