package io.habeas.detention.service;

import io.habeas.detention.domain.Person;
import io.habeas.detention.repository.PersonRepository;
import io.habeas.support.errors.NotFoundException;
import io.habeas.support.grpc.ResourceNames;
import io.habeas.support.paging.Page;
import io.habeas.support.paging.PageRequest;
import io.habeas.support.paging.PageToken;
import io.habeas.support.paging.Pages;
import io.habeas.support.records.AccessLevel;
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
        UUID id = ResourceNames.parseOne(name, field, Person.COLLECTION);
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
        String query = "persons|" + citizenship + "|" + detainingCountry;
        List<String> after = PageToken.decode(page.token(), query);
        List<Person> rows = persons.listAfter(after == null ? null : UUID.fromString(after.get(0)),
                emptyToNull(citizenship), emptyToNull(detainingCountry), page.size() + 1);
        return Pages.of(rows, page.size(), last -> PageToken.encode(query, last.id.toString()));
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
