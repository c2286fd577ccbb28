package io.habeas.gateway.api;

/** A citation. Confidential sources never leave the gateway. */
public record SourceView(String publisher, String title, String url, DateView publishedOn, String reliability) {
}
