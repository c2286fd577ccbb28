package io.habeas.support.testing;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.Source;
import java.util.UUID;

/** What both services' test fixtures start from; each service's Fixtures extends it with its own resources. */
public class CommonFixtures {
    protected CommonFixtures() {
    }

    public static String requestId() {
        return UUID.randomUUID().toString();
    }

    public static PartialDate date(int year, int month, int day) {
        return PartialDate.newBuilder().setYear(year).setMonth(month).setDay(day).build();
    }

    /** Source A of the demo case: published on 28 April 2024, after the calls it reports. */
    public static Source source() {
        return Source.newBuilder()
                .setPublisher("JAMnews")
                .setTitle("Blinken Advances Peace Talks with Armenia and Azerbaijan")
                .setUrl("https://jam-news.net/blinken-armenia-azerbaijan")
                .setPublishedOn(date(2024, 4, 28))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                .build();
    }
}
