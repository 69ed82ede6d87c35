package io.jenkins.plugins.mesa.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/** Key names in error messages: printed only when they look like keys, with a did-you-mean. */
final class Keys {
    private static final Pattern KEY_LIKE = Pattern.compile("[A-Za-z0-9_.+\\-]{1,40}");

    private Keys() {
    }

    /**
     * The key in quotes when it looks like a key; otherwise a neutral phrase, because text that is
     * not key-shaped may be a value (a secret) that landed in key position through a typo.
     */
    static String printable(String key) {
        return KEY_LIKE.matcher(key).matches() ? "'" + key + "'" : "(a key that is not a plain name)";
    }

    /** The known key closest to {@code typo}, when it is close enough to be a likely typo. */
    static Optional<String> closest(String typo, Collection<String> known) {
        if (!KEY_LIKE.matcher(typo).matches()) {
            return Optional.empty();
        }
        return known.stream()
                .filter(k -> distance(typo.toLowerCase(), k.toLowerCase()) <= Math.max(1, k.length() / 3))
                .min(Comparator.comparingInt(k -> distance(typo.toLowerCase(), k.toLowerCase())));
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
