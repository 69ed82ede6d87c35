package io.jenkins.plugins.mesa.config;

import io.jenkins.plugins.mesa.Secret;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable store of {@code mesa serve} ({@code store:}): event queue, port registry, dedup ids,
 * outage windows and audit records. SQLite in a local file by default; any JDBC URL works
 * (e.g. {@code jdbc:postgresql://db/mesa}), its password given separately so the URL can be shown.
 *
 * @param jdbcUrl  JDBC URL without credentials
 * @param username database user, when the database needs one
 * @param password database password
 */
public record StoreConfig(String jdbcUrl, Optional<String> username, Optional<Secret> password) {
    public static final String DEFAULT_JDBC_URL = "jdbc:sqlite:mesa.db";

    public StoreConfig {
        Objects.requireNonNull(jdbcUrl, "store.jdbcUrl");
        Objects.requireNonNull(username, "store.username");
        Objects.requireNonNull(password, "store.password");
    }

    /** SQLite in {@code mesa.db} in the working directory. */
    public static StoreConfig defaults() {
        return new StoreConfig(DEFAULT_JDBC_URL, Optional.empty(), Optional.empty());
    }

    static StoreConfig read(Section s) {
        String url = s.text("jdbcUrl", DEFAULT_JDBC_URL);
        Optional<String> user = s.text("username");
        Optional<Secret> password = s.secret("password");
        s.finish();
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:") || lower.length() < 7) {
            s.error("jdbcUrl", "must be a JDBC URL such as jdbc:sqlite:mesa.db");
            url = DEFAULT_JDBC_URL;
        } else if (lower.contains("password=") || lower.matches("jdbc:[a-z0-9]+://[^/]*@.*")) {
            // the URL is printed by mesa check and in logs; credentials in it would leak
            s.error("jdbcUrl", "must not contain credentials; put the password in store.password");
            url = DEFAULT_JDBC_URL;
        }
        return new StoreConfig(url, user, password);
    }
}
