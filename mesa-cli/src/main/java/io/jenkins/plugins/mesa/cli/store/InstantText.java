package io.jenkins.plugins.mesa.cli.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Instants as stored: fixed-width ISO-8601 UTC with nanoseconds ({@code 2026-11-29T10:00:00.000000000Z}). Exact
 * (an instant reads back equal), readable with any SQL client, and in time order when compared as text, so
 * {@code ORDER BY} and {@code >=} work the same on SQLite and PostgreSQL.
 */
final class InstantText {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private InstantText() {
    }

    static String of(Instant t) {
        if (t.isBefore(FIRST) || t.isAfter(LAST)) {
            throw new IllegalArgumentException("instant outside the years 0000-9999 cannot be stored: " + t);
        }
        return FORMAT.format(t);
    }

    /** @throws StoreCorruptException when the column does not hold a stored instant */
    static Instant parse(String text, String where) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new StoreCorruptException(where + ": not a timestamp: " + Printable.of(text), e);
        }
    }
}
