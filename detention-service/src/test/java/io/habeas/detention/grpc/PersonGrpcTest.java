package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.habeas.common.v1.DatePrecision;
import io.habeas.common.v1.Source;
import io.habeas.detention.support.Fixtures;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.UpdatePersonRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PersonGrpcTest extends GrpcTest {

    @Test
    void recordsAPersonAndReadsItBack() {
        Person created = createPerson(ibadoglu());

        assertTrue(created.getName().matches("persons/[0-9a-f-]{36}"), created.getName());
        Person read = persons.getPerson(GetPersonRequest.newBuilder().setName(created.getName()).build()).getPerson();
        assertEquals(created, read);
        assertEquals("Qubad İbadoğlu", read.getAliases(0).getName());
        assertEquals(Fixtures.source().getPublishedOn().toBuilder().setPrecision(DatePrecision.DATE_PRECISION_DAY).build(),
                read.getSources(0).getPublishedOn());
        assertEquals(Fixtures.source().getUrl(), read.getSources(0).getUrl());
    }

    @Test
    void rejectsAPersonWithoutSourcesAndStoresNothing() {
        failsOnFields(() -> persons.createPerson(CreatePersonRequest.newBuilder()
                .setPerson(ibadoglu().clearSources()).setRequestId(requestId()).build()), "person.sources");
        assertEquals(0, database.count("person"));
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        Person.Builder bad = ibadoglu()
                .setDisplayName("x".repeat(301))
                .addCitizenships("XX")
                .addCitizenships("az")
                .setSources(0, Source.newBuilder().setPublisher("").setTitle("t").setUrl("ftp://nowhere"));
        failsOnFields(() -> persons.createPerson(CreatePersonRequest.newBuilder().setPerson(bad)
                        .setRequestId(requestId()).build()),
                "person.display_name", "person.citizenships[1]", "person.citizenships[2]",
                "person.sources[0].publisher", "person.sources[0].url");
        assertEquals(0, database.count("person"));
    }

    @Test
    void requiresARequestId() {
        failsOnFields(() -> persons.createPerson(CreatePersonRequest.newBuilder().setPerson(ibadoglu()).build()),
                "request_id");
        assertEquals(0, database.count("person"));
    }

    @Test
    void retryWithTheSameRequestIdReturnsTheFirstResultAndStoresNothingNew() {
        CreatePersonRequest request = CreatePersonRequest.newBuilder().setPerson(ibadoglu()).setRequestId(requestId()).build();
        Person first = persons.createPerson(request).getPerson();
        Person retried = persons.createPerson(request).getPerson();

        assertEquals(first, retried);
        assertEquals(1, database.count("person"));
    }

    @Test
    void concurrentRetriesWithTheSameRequestIdStoreOnePerson() throws Exception {
        CreatePersonRequest request = CreatePersonRequest.newBuilder().setPerson(ibadoglu()).setRequestId(requestId()).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    try {
                        return persons.createPerson(request).getPerson().getName();
                    } catch (StatusRuntimeException e) {
                        return e.getStatus().getCode().name();
                    }
                }));
            }
            Set<String> outcomes = new HashSet<>();
            for (Future<String> answer : answers) {
                outcomes.add(answer.get(30, TimeUnit.SECONDS));
            }
            outcomes.remove("ABORTED"); // a concurrent duplicate may be told to retry, never stored twice
            assertEquals(1, outcomes.size(), outcomes.toString());
            assertTrue(outcomes.iterator().next().startsWith("persons/"), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, database.count("person"));
        assertEquals(1, database.count("request_log"));
    }

    @Test
    void sameRequestIdWithADifferentPayloadIsRejected() {
        String id = requestId();
        persons.createPerson(CreatePersonRequest.newBuilder().setPerson(ibadoglu()).setRequestId(id).build());

        fails(Status.Code.ALREADY_EXISTS, () -> persons.createPerson(CreatePersonRequest.newBuilder()
                .setPerson(ibadoglu().setDisplayName("Someone Else")).setRequestId(id).build()));
        assertEquals(1, database.count("person"));
    }

    @Test
    void unknownPersonIsNotFoundAndAMalformedNameIsInvalid() {
        fails(Status.Code.NOT_FOUND, () -> persons.getPerson(GetPersonRequest.newBuilder()
                .setName("persons/0190a0e0-0000-7000-8000-000000000000").build()));
        failsOnFields(() -> persons.getPerson(GetPersonRequest.newBuilder().setName("people/42").build()), "name");
    }

    @Test
    void updatesOnlyTheMaskedFieldsWithTheCurrentEtag() {
        Person created = createPerson(ibadoglu());

        Person updated = persons.updatePerson(UpdatePersonRequest.newBuilder()
                .setPerson(Person.newBuilder().setName(created.getName()).setEtag(created.getEtag())
                        .setDescription("Economist, chair of the Azerbaijan Democracy and Welfare Party")
                        .setDisplayName("ignored because not in the mask"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("description"))
                .setRequestId(requestId()).build()).getPerson();

        assertEquals("Economist, chair of the Azerbaijan Democracy and Welfare Party", updated.getDescription());
        assertEquals("Gubad Ibadoglu", updated.getDisplayName());
        assertNotEquals(created.getEtag(), updated.getEtag());
    }

    @Test
    void staleEtagIsAbortedAndChangesNothing() {
        Person created = createPerson(ibadoglu());
        UpdatePersonRequest.Builder update = UpdatePersonRequest.newBuilder()
                .setPerson(Person.newBuilder().setName(created.getName()).setEtag(created.getEtag()).setDescription("first"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("description"));
        persons.updatePerson(update.setRequestId(requestId()).build());

        update.getPersonBuilder().setDescription("second, from a stale read");
        fails(Status.Code.ABORTED, () -> persons.updatePerson(update.setRequestId(requestId()).build()));

        Person read = persons.getPerson(GetPersonRequest.newBuilder().setName(created.getName()).build()).getPerson();
        assertEquals("first", read.getDescription());
    }

    @Test
    void rejectsUnknownMaskPathsAndMissingEtag() {
        Person created = createPerson(ibadoglu());
        failsOnFields(() -> persons.updatePerson(UpdatePersonRequest.newBuilder()
                .setPerson(Person.newBuilder().setName(created.getName()).setEtag(created.getEtag()))
                .setUpdateMask(FieldMask.newBuilder().addPaths("create_time"))
                .setRequestId(requestId()).build()), "update_mask.paths[0]");
        failsOnFields(() -> persons.updatePerson(UpdatePersonRequest.newBuilder()
                .setPerson(Person.newBuilder().setName(created.getName()).setDescription("x"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("description"))
                .setRequestId(requestId()).build()), "person.etag");
        failsOnFields(() -> persons.updatePerson(UpdatePersonRequest.newBuilder()
                .setPerson(Person.newBuilder().setName(created.getName()).setEtag(created.getEtag()))
                .setUpdateMask(FieldMask.newBuilder().addPaths("sources"))
                .setRequestId(requestId()).build()), "person.sources");
    }
}
