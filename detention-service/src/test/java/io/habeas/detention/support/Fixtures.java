package io.habeas.detention.support;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.detention.v1.Alias;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.CourtEvent;
import io.habeas.detention.v1.CourtEventType;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.Incident;
import io.habeas.detention.v1.IncidentType;
import io.habeas.detention.v1.Person;
import io.habeas.support.testing.CommonFixtures;

/** Valid requests to start from; each test changes what it is about. */
public final class Fixtures extends CommonFixtures {
    public static final String AZ_CRIMINAL_CODE = "Criminal Code of the Republic of Azerbaijan";

    private Fixtures() {
    }

    public static Person.Builder ibadoglu() {
        return Person.newBuilder()
                .setDisplayName("Gubad Ibadoglu")
                .addAliases(Alias.newBuilder().setName("Qubad İbadoğlu").setLanguageCode("az"))
                .addAliases(Alias.newBuilder().setName("Губад Ибадоглу").setLanguageCode("ru"))
                .addCitizenships("AZ")
                .setDescription("Azerbaijani economist and opposition politician")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                .addSources(source());
    }

    public static Person.Builder person(String name, String citizenship) {
        return Person.newBuilder().setDisplayName(name).addCitizenships(citizenship).addSources(source());
    }

    public static Detention.Builder arrest(String person, PartialDate start) {
        return Detention.newBuilder()
                .setPerson(person)
                .setDetainingCountry("AZ")
                .setAuthority("Main Police Department of Baku")
                .setPlace("Baku")
                .setStartDate(start)
                .setInitialStatus(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY)
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                .addSources(source());
    }

    public static CustodyEvent.Builder event(CustodyEventType type, PartialDate occurredOn) {
        return CustodyEvent.newBuilder().setType(type).setOccurredOn(occurredOn).addSources(source());
    }

    /** An incident by AZ's border service, dated as the caller says. */
    public static Incident.Builder incident(IncidentType type, PartialDate occurredOn) {
        return Incident.newBuilder().setType(type).setOccurredOn(occurredOn).setCountry("AZ")
                .setAuthority("State Border Service").setPlace("Heydar Aliyev International Airport").addSources(source());
    }

    public static CourtEvent.Builder courtEvent(CourtEventType type, PartialDate occurredOn) {
        return CourtEvent.newBuilder().setType(type).setOccurredOn(occurredOn).setCourt("Baku Grave Crimes Court")
                .addSources(source());
    }

    public static Charge.Builder charge(String article, PartialDate filedOn) {
        return Charge.newBuilder()
                .setJurisdiction("AZ")
                .setLegalCode(AZ_CRIMINAL_CODE)
                .setArticleReference(article)
                .setFiledOn(filedOn)
                .addSources(source());
    }
}
