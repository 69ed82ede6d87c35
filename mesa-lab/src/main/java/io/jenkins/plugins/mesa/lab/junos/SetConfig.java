package io.jenkins.plugins.mesa.lab.junos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The simulator's own Junos configuration model: a configuration is the ordered set of its leaf
 * statements, each a token path as {@code show configuration | display set} prints it. A small
 * built-in schema knows which keywords take a single value (a new value replaces the old one) and
 * which take a list ({@code members}); everything else is a container or presence statement.
 * Deliberately independent of the client's code.
 */
final class SetConfig {
    /** Keywords whose one value replaces the previous value (leaf with value). */
    private static final Set<String> SINGLE_VALUE = Set.of(
            "description", "native-vlan-id", "interface-mode", "priority", "supplicant",
            "authentication-profile-name", "mtu", "speed", "server-fail", "maximum-power",
            "reauthentication", "guest-vlan", "vlan-id", "host-name", "server-reject-vlan",
            "retries", "quiet-period", "transmit-period", "supplicant-timeout", "server-timeout",
            "authentication-order", "secret", "port-mode", "mac-limit");
    /** Keywords taking several values, each its own statement. */
    private static final Set<String> LEAF_LIST = Set.of("members");
    private static final Set<String> TOP_LEVEL = Set.of(
            "interfaces", "protocols", "poe", "vlans", "system", "access", "ethernet-switching-options",
            "groups", "chassis", "snmp", "routing-options", "forwarding-options", "class-of-service",
            "firewall", "policy-options", "security", "services", "switch-options", "apply-groups");
    private static final Pattern INTERFACE = Pattern.compile(
            "(ge|xe|et|mge|fe|xle|fte)-\\d{1,2}/\\d{1,2}/\\d{1,3}|ae\\d{1,3}|irb|vme|lo0|me0|em\\d|interface-range");
    private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9_./:\\-]+");

    private final LinkedHashSet<String> statements;

    SetConfig() {
        this.statements = new LinkedHashSet<>();
    }

    private SetConfig(LinkedHashSet<String> statements) {
        this.statements = statements;
    }

    SetConfig copy() {
        return new SetConfig(new LinkedHashSet<>(statements));
    }

    /** The configuration as {@code set ...} lines in load order. */
    List<String> asSetLines() {
        List<String> out = new ArrayList<>();
        for (String s : statements) {
            out.add("set " + s);
        }
        return out;
    }

    boolean sameAs(SetConfig other) {
        return statements.equals(other.statements);
    }

    /** Outcome of one loaded line. */
    record LineResult(String severity, String message, String line) {
        static LineResult ok() {
            return new LineResult("", "", "");
        }

        boolean isError() {
            return "error".equals(severity);
        }

        boolean isWarning() {
            return "warning".equals(severity);
        }
    }

    /** Applies one {@code set}/{@code delete} line the way {@code load set} does. */
    LineResult apply(String rawLine) {
        String line = rawLine.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return LineResult.ok();
        }
        List<String> tokens;
        try {
            tokens = tokenize(line);
        } catch (IllegalArgumentException e) {
            return new LineResult("error", "syntax error: " + e.getMessage(), line);
        }
        String verb = tokens.get(0);
        List<String> path = tokens.subList(1, tokens.size());
        if (!verb.equals("set") && !verb.equals("delete")) {
            return new LineResult("error", "syntax error, expecting <command>", line);
        }
        if (path.isEmpty() || !TOP_LEVEL.contains(path.get(0))) {
            return new LineResult("error", "syntax error", line);
        }
        if (path.get(0).equals("interfaces") && path.size() > 1 && !INTERFACE.matcher(path.get(1)).matches()) {
            return new LineResult("error", "invalid interface type in '" + path.get(1) + "'", line);
        }
        List<List<String>> expanded;
        try {
            expanded = expandBrackets(path);
        } catch (IllegalArgumentException e) {
            return new LineResult("error", "syntax error: " + e.getMessage(), line);
        }
        if (verb.equals("delete")) {
            boolean found = false;
            for (List<String> p : expanded) {
                found |= delete(p);
            }
            return found ? LineResult.ok() : new LineResult("warning", "statement not found", line);
        }
        for (List<String> p : expanded) {
            int n = p.size();
            if (n >= 1 && (SINGLE_VALUE.contains(p.get(n - 1)) || LEAF_LIST.contains(p.get(n - 1)))) {
                return new LineResult("error", "missing argument", line);
            }
        }
        for (List<String> p : expanded) {
            set(p);
        }
        return LineResult.ok();
    }

    private void set(List<String> path) {
        int n = path.size();
        if (n >= 2 && SINGLE_VALUE.contains(path.get(n - 2))) {
            String keyPrefix = join(path.subList(0, n - 1)) + " ";
            statements.removeIf(s -> s.startsWith(keyPrefix));
        }
        String joined = join(path);
        // A presence statement is implied by its children; keep only the most specific form.
        statements.removeIf(s -> joined.startsWith(s + " "));
        if (statements.stream().noneMatch(s -> s.startsWith(joined + " "))) {
            statements.add(joined);
        }
    }

    private boolean delete(List<String> path) {
        String joined = join(path);
        return statements.removeIf(s -> s.equals(joined) || s.startsWith(joined + " "));
    }

    /** Statements at or under {@code prefix} (e.g. {@code interfaces ge-0/0/1}). */
    List<String> under(String prefix) {
        List<String> out = new ArrayList<>();
        for (String s : statements) {
            if (s.equals(prefix) || s.startsWith(prefix + " ")) {
                out.add("set " + s);
            }
        }
        return out;
    }

    /** A "show | compare" style diff from {@code base} to this configuration; "\n" when equal. */
    String diffFrom(SetConfig base) {
        Map<String, List<String>> byParent = new LinkedHashMap<>();
        for (String s : base.statements) {
            if (!statements.contains(s)) {
                addDiffLine(byParent, s, '-');
            }
        }
        for (String s : statements) {
            if (!base.statements.contains(s)) {
                addDiffLine(byParent, s, '+');
            }
        }
        if (byParent.isEmpty()) {
            return "\n";
        }
        StringBuilder sb = new StringBuilder("\n");
        byParent.forEach((parent, lines) -> {
            sb.append("[edit").append(parent.isEmpty() ? "" : " " + parent).append("]\n");
            lines.forEach(l -> sb.append(l).append('\n'));
        });
        return sb.toString();
    }

    private static void addDiffLine(Map<String, List<String>> byParent, String statement, char sign) {
        List<String> t = tokenize(statement);
        int n = t.size();
        int leafStart = n >= 2 && (SINGLE_VALUE.contains(t.get(n - 2)) || LEAF_LIST.contains(t.get(n - 2))) ? n - 2 : n - 1;
        String parent = join(t.subList(0, leafStart));
        String leaf = join(t.subList(leafStart, n));
        byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(sign + "   " + leaf + ";");
    }

    /** Curly-brace text as {@code show configuration} prints it. */
    String asText(String prefix) {
        Node root = new Node();
        for (String s : statements) {
            if (prefix == null || s.equals(prefix) || s.startsWith(prefix + " ")) {
                List<String> t = tokenize(s);
                int n = t.size();
                int leafStart = n >= 2 && (SINGLE_VALUE.contains(t.get(n - 2)) || LEAF_LIST.contains(t.get(n - 2))) ? n - 2 : n - 1;
                Node node = root;
                for (String c : t.subList(0, leafStart)) {
                    node = node.children.computeIfAbsent(quote(c), k -> new Node());
                }
                node.leaves.add(join(t.subList(leafStart, n)));
            }
        }
        StringBuilder sb = new StringBuilder();
        root.render(sb, "");
        return sb.toString();
    }

    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        final List<String> leaves = new ArrayList<>();

        void render(StringBuilder sb, String indent) {
            leaves.forEach(l -> sb.append(indent).append(l).append(";\n"));
            children.forEach((name, child) -> {
                sb.append(indent).append(name).append(" {\n");
                child.render(sb, indent + "    ");
                sb.append(indent).append("}\n");
            });
        }
    }

    static List<String> tokenize(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = line.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated quoted string");
                }
                out.add(line.substring(i + 1, end));
                i = end + 1;
            } else if (c == '[' || c == ']') {
                out.add(String.valueOf(c));
                i++;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '"') {
                    i++;
                }
                out.add(line.substring(start, i));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("empty statement");
        }
        return out;
    }

    private static List<List<String>> expandBrackets(List<String> path) {
        int open = path.indexOf("[");
        if (open < 0) {
            if (path.contains("]")) {
                throw new IllegalArgumentException("unbalanced ']'");
            }
            return List.of(path);
        }
        int close = path.indexOf("]");
        if (close < open || close != path.size() - 1 || close == open + 1) {
            throw new IllegalArgumentException("bad value list");
        }
        List<List<String>> out = new ArrayList<>();
        for (String item : path.subList(open + 1, close)) {
            if (item.equals("[")) {
                throw new IllegalArgumentException("nested '['");
            }
            List<String> p = new ArrayList<>(path.subList(0, open));
            p.add(item);
            out.add(p);
        }
        return out;
    }

    static String join(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        for (String t : tokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(quote(t));
        }
        return sb.toString();
    }

    private static String quote(String token) {
        return SAFE_TOKEN.matcher(token).matches() ? token : '"' + token + '"';
    }
}
