package io.jenkins.plugins.mesa.junos;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares a switch's committed configuration ({@code display set} lines) with the statements a
 * profile rendered: every {@code set} must be present, and below every {@code delete}d hierarchy
 * only what the profile itself set again may remain. Statements are compared token by token, so
 * quoting differences do not matter.
 */
final class ProfileCheck {
    private ProfileCheck() {
    }

    /** Human-readable mismatches; empty when the configuration matches the profile. */
    static List<String> mismatches(List<String> rendered, List<String> committedSetLines) {
        List<List<String>> running = new ArrayList<>();
        for (String line : committedSetLines) {
            List<String> t = tokens(line);
            if (!t.isEmpty() && t.get(0).equals("set")) {
                running.add(t.subList(1, t.size()));
            }
        }
        List<List<String>> sets = new ArrayList<>();
        List<List<String>> deletes = new ArrayList<>();
        for (String statement : rendered) {
            List<String> t = tokens(statement);
            List<List<String>> expanded = expand(t.subList(1, t.size()));
            (t.get(0).equals("set") ? sets : deletes).addAll(expanded);
        }
        Set<String> problems = new LinkedHashSet<>();
        for (List<String> s : sets) {
            if (running.stream().noneMatch(r -> startsWith(r, s))) {
                problems.add("missing: set " + String.join(" ", s));
            }
        }
        for (List<String> d : deletes) {
            for (List<String> r : running) {
                if (startsWith(r, d) && sets.stream().noneMatch(s -> startsWith(r, s))) {
                    problems.add("left over: set " + String.join(" ", r));
                }
            }
        }
        return List.copyOf(problems);
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private static List<List<String>> expand(List<String> path) {
        int open = path.indexOf("[");
        if (open < 0) {
            return List.of(path);
        }
        int close = path.indexOf("]");
        List<List<String>> out = new ArrayList<>();
        for (String item : path.subList(open + 1, close)) {
            List<String> p = new ArrayList<>(path.subList(0, open));
            p.add(item);
            p.addAll(path.subList(close + 1, path.size()));
            out.add(p);
        }
        return out;
    }

    /** Splits a statement into words; a double-quoted string is one word without its quotes. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }
}
