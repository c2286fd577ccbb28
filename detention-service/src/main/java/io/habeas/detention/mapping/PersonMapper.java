package io.habeas.detention.mapping;

import static io.habeas.kernel.proto.CommonProtos.emptyToNull;
import static io.habeas.kernel.text.HumanText.normalized;

import io.habeas.detention.domain.Alias;
import io.habeas.detention.domain.Person;
import io.habeas.detention.service.PersonDraft;
import io.habeas.detention.v1.PersonMatch;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.support.access.SourceAccess;
import io.habeas.support.grpc.SourceMapper;
import io.habeas.support.search.NameSearch;
import java.util.Arrays;
import java.util.Set;

public final class PersonMapper {
    public static final Set<String> UPDATABLE = Set.of("display_name", "aliases", "citizenships", "description",
            "access_level", "sources", "external_ids");

    private PersonMapper() {
    }

    /** The person a client sent, its texts in NFC as they are stored and compared. */
    public static PersonDraft toDraft(io.habeas.detention.v1.Person person) {
        return new PersonDraft(normalized(person.getDisplayName()),
                person.getAliasesList().stream().map(a -> new Alias(normalized(a.getName()), emptyToNull(a.getLanguageCode())))
                        .toList(),
                person.getCitizenshipsList(),
                normalized(emptyToNull(person.getDescription())),
                CommonProtos.accessLevel(person.getAccessLevel()),
                SourceMapper.sources(person.getSourcesList()),
                person.getExternalIdsList().stream().map(ExternalId::fromProto).toList());
    }

    /** The person with the sources the reader may see. */
    public static io.habeas.detention.v1.Person toProto(Person person, Clearance reader) {
        var proto = io.habeas.detention.v1.Person.newBuilder()
                .setName(person.resourceName())
                .setDisplayName(person.displayName)
                .addAllCitizenships(Arrays.asList(person.citizenships))
                .setAccessLevel(CommonProtos.accessLevel(person.accessLevel))
                .addAllSources(SourceMapper.sourcesToProto(SourceAccess.visible(person.sources, person.accessLevel, reader)))
                .setCreateTime(CommonProtos.timestamp(person.createdAt))
                .setUpdateTime(CommonProtos.timestamp(person.updatedAt))
                .setEtag(person.etag())
                .setState(DetentionMapper.state(person))
                .addAllExternalIds(person.externalIds.stream().map(ExternalId::toProto).toList());
        person.aliases.forEach(alias -> {
            var a = io.habeas.detention.v1.Alias.newBuilder().setName(alias.name());
            if (alias.languageCode() != null) {
                a.setLanguageCode(alias.languageCode());
            }
            proto.addAliases(a);
        });
        if (person.description != null) {
            proto.setDescription(person.description);
        }
        if (person.retractionReason != null) {
            proto.setRetractionReason(person.retractionReason);
        }
        return proto.build();
    }

    public static PersonMatch toProto(NameSearch.Match<Person> match, Clearance reader) {
        return PersonMatch.newBuilder().setPerson(toProto(match.record(), reader)).setScore(match.score()).build();
    }
}
