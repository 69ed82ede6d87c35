package io.jenkins.plugins.mesa.config;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Mist API back-end for Mist-managed switches ({@code mistBackend:}).
 *
 * @param usages        MESA profile name → Mist port usage (port profile) name
 * @param writeAttempts how often a port write is retried when another writer changed the device meanwhile
 */
public record MistBackendConfig(Map<String, String> usages, int writeAttempts) {
    static final Pattern USAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]{0,63}");

    public MistBackendConfig {
        usages = Copies.map(Objects.requireNonNull(usages, "usages"));
        if (writeAttempts < 1 || writeAttempts > 10) {
            throw new IllegalArgumentException("mistBackend.writeAttempts must be 1..10");
        }
    }

    /** {@code ap} → Mist's built-in {@code ap} usage, {@code secured} → {@code default}; 3 write attempts. */
    public static MistBackendConfig defaults() {
        return new MistBackendConfig(Map.of("ap", "ap", "secured", "default"), 3);
    }

    static MistBackendConfig read(Section s) {
        MistBackendConfig d = defaults();
        Map<String, String> usages = s.textMap("usages", Map.of("ap", "ap", "secured", "default"));
        usages.forEach((profile, usage) -> {
            if (!USAGE.matcher(usage).matches()) {
                s.reading().error(s.reading().lineOf(s.path("usages") + "." + profile),
                        s.path("usages") + "." + profile, "must be a Mist port usage name (letters, digits, _ -)");
            }
        });
        int attempts = s.integer("writeAttempts", d.writeAttempts(), 1, 10);
        s.finish();
        return new MistBackendConfig(usages, attempts);
    }
}
