package io.jenkins.plugins.mesa.mist;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Mist port usage (port profile name in the switch's {@code port_usages}) each MESA profile
 * means on a Mist-managed switch. A profile mapped to {@code none} (or an empty name) removes the
 * port's device-level override, so the port returns to what the site / switch template gives it.
 *
 * @param usageByProfile MESA profile name ({@code ap}, {@code secured}, …) → Mist usage name, or
 *                       {@code ""} for "remove the override"
 */
public record MistPortUsages(Map<String, String> usageByProfile) {
    private static final Pattern USAGE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public MistPortUsages {
        Map<String, String> m = new HashMap<>();
        Objects.requireNonNull(usageByProfile, "usageByProfile").forEach((profile, usage) -> {
            String u = usage == null || usage.isBlank() || usage.trim().equalsIgnoreCase("none") ? "" : usage.trim();
            if (!u.isEmpty() && !USAGE.matcher(u).matches()) {
                throw new IllegalArgumentException("not a Mist port usage name: " + MistId.printable(usage));
            }
            m.put(Objects.requireNonNull(profile, "profile").trim().toLowerCase(Locale.ROOT), u);
        });
        usageByProfile = Map.copyOf(m);
    }

    /**
     * {@code ap} → usage {@code ap}; {@code secured} → remove the override (the template's default
     * for the port, which on a MESA site is the 802.1X usage). Configure explicitly when that is not so.
     */
    public static MistPortUsages defaults() {
        return new MistPortUsages(Map.of("ap", "ap", "secured", "none"));
    }

    /** The usage for a profile ({@code ""} = remove the override); empty when the profile is not configured. */
    public Optional<String> usageFor(String profile) {
        return profile == null ? Optional.empty()
                : Optional.ofNullable(usageByProfile.get(profile.trim().toLowerCase(Locale.ROOT)));
    }
}
