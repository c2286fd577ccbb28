package io.habeas.detention.domain;

/** What was done to a person outside custody (proto IncidentType). */
public enum IncidentType {
    TRAVEL_BAN, PASSPORT_CONFISCATION, SUMMONS, SEARCH, INTERROGATION, HARASSMENT, ASSAULT, DISAPPEARANCE, OTHER
}
