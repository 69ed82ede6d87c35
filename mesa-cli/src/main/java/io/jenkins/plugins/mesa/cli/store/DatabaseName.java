package io.jenkins.plugins.mesa.cli.store;

import java.util.regex.Pattern;

/**
 * A JDBC URL as it may be shown in messages and logs: a PostgreSQL URL can carry a password (in the user-info
 * part or as {@code ?password=}), so everything after {@code ?} or {@code ;} and any {@code user:pass@} is cut.
 */
final class DatabaseName {
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*@");

    private DatabaseName() {
    }

    static String of(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "null";
        }
        String s = jdbcUrl;
        int q = indexOfAny(s, '?', ';');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        s = USER_INFO.matcher(s).replaceFirst("//");
        s = s.replaceAll("\\p{Cntrl}", "?");
        return '"' + (s.length() > 200 ? s.substring(0, 200) + "…" : s) + '"';
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
