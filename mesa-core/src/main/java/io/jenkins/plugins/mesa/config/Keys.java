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

    /** Edit distance counting a swap of two neighbours as one edit ("prot" is one edit from "port"). */
    private static int distance(String a, String b) {
        if (a.startsWith(b) || b.startsWith(a)) {
            return 1; // "windowSize" for "window", "host" for "hostKey": a likely slip, whatever the length
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
