package io.habeas.detention.service;

import io.habeas.detention.domain.Person;
import io.habeas.detention.repository.PersonRepository;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.Pager;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.support.search.NameSearch;
import io.habeas.support.validation.Countries;
import io.habeas.support.validation.Etags;
import io.habeas.support.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

@ApplicationScoped
public class PersonService {
    @Inject
    PersonRepository persons;
    @Inject
    RequestValidator validator;

    @Transactional
    public Person create(PersonDraft draft) {
        validator.check(draft, "person");
        Person person = new Person();
        apply(person, draft);
        persons.persist(person);
        return person;
    }

    public Person get(String name, String field) {
        UUID id = PersonName.parse(name, field).id();
        Person person = persons.findById(id);
        if (person == null) {
            throw new NotFoundException(name);
        }
        return person;
    }

    @Transactional
    public Person update(String name, String etag, PersonDraft merged) {
        Person person = get(name, "person.name");
        Etags.require(etag, "person.etag");
        validator.check(merged, "person");
        person.requireEtag(etag);
        apply(person, merged);
        persons.flush(); // the answer carries the new version as its etag
        return person;
    }

    public Page<Person> list(PageRequest page, String citizenship, String detainingCountry) {
        Countries.checkFilter(citizenship, "citizenship");
        Countries.checkFilter(detainingCountry, "detaining_country");
        return Pager.page(page, QueryFingerprint.of("persons", citizenship, detainingCountry), Keys.ID, person -> person.id,
                (after, limit) -> persons.listAfter(after, emptyToNull(citizenship), emptyToNull(detainingCountry), limit));
    }

    public Page<NameSearch.Match<Person>> search(String text, PageRequest page) {
        return NameSearch.page(persons.getEntityManager(), Person.class, "person", text, page);
    }

    private static void apply(Person person, PersonDraft draft) {
        person.displayName = draft.displayName().strip();
        person.aliases = Objects.requireNonNullElse(draft.aliases(), List.of());
        person.citizenships = Objects.requireNonNullElse(draft.citizenships(), List.<String>of()).toArray(String[]::new);
        person.description = draft.description();
        person.accessLevel = AccessLevel.orDefault(draft.accessLevel());
        person.sources = draft.sources();
        person.rebuildSearchNames();
        person.touch();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
