package io.habeas.gateway.api;

import java.util.List;

/** Calls and demands for a person's release: how many, first, latest, by whom. */
public record ReleaseCalls(int count, DateView first, DateView latest, List<Caller> byWhom) {

    public record Caller(String actor, String name, String country, int count, DateView latest) {
    }
}
