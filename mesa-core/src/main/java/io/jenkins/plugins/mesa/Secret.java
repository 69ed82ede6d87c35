package io.jenkins.plugins.mesa;

import java.util.Objects;

/**
 * A secret value (API token, webhook secret, password, key passphrase). Its {@link #toString()}
 * is always redacted so it cannot leak through logs, exceptions or records that print it; the
 * clear text is available only through {@link #reveal()}, at the point of use.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        return new Secret(value);
    }

    /** The clear text. Call only where the secret is sent or used, never to print it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                other.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // deliberately constant: a hash must not reveal anything about the value
    }
}
