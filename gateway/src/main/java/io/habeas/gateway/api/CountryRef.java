package io.habeas.gateway.api;

/** A country an event involves, ISO 3166-1 alpha-2, with its role: detaining, jurisdiction, speaker, subject, addressee. */
public record CountryRef(String code, String role) {
}
