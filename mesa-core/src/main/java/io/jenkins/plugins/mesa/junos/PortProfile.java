package io.jenkins.plugins.mesa.junos;

import io.jenkins.plugins.mesa.change.InterfaceName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named port profile: Junos {@code set}/{@code delete} statement templates with named variables
 * ({@code {interface}}, {@code {native_vlan}}, {@code {vlans}}, ...; see {@link ProfileVariable}) and
 * default values. Templates are checked when the profile is built, i.e. when configuration loads:
 * an unknown variable, an unbalanced brace, quote or bracket, a statement that is neither set nor
 * delete, or a bad default is a {@code bad-profile} {@link ProfileException}.
 *
 * <p>Put the {@code delete}s that clear the port's previous role first and the {@code set}s after:
 * the result is then the same whatever the port held before, and loading it twice changes nothing.
 */
public record PortProfile(String name, List<String> statements, Map<String, String> defaults) {
    private static final Pattern PROFILE_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    public PortProfile {
        if (name == null || !PROFILE_NAME.matcher(name).matches()) {
            throw ProfileException.badProfile(String.valueOf(name), "name must match " + PROFILE_NAME.pattern());
        }
        statements = List.copyOf(statements == null ? List.of() : statements);
        defaults = Map.copyOf(defaults == null ? Map.of() : defaults);
        if (statements.isEmpty()) {
            throw ProfileException.badProfile(name, "has no statements");
        }
        boolean mentionsInterface = false;
        for (String s : statements) {
            checkTemplate(name, s);
            mentionsInterface |= s.contains("{interface}");
        }
        if (!mentionsInterface) {
            throw ProfileException.badProfile(name, "no statement uses {interface}");
        }
        for (Map.Entry<String, String> d : defaults.entrySet()) {
            ProfileVariable v = ProfileVariable.byKey(d.getKey()).orElseThrow(() ->
                    ProfileException.badProfile(name, "default for unknown variable '" + d.getKey() + "'"));
            if (v == ProfileVariable.INTERFACE) {
                throw ProfileException.badProfile(name, "{interface} comes from the request, it cannot have a default");
            }
            try {
                v.render(d.getValue());
            } catch (ProfileException e) {
                throw ProfileException.badProfile(name, "bad default: " + e.getMessage());
            }
        }
    }

    private static void checkTemplate(String profile, String s) {
        if (s == null || !(s.startsWith("set ") || s.startsWith("delete "))) {
            throw ProfileException.badProfile(profile, "statement must start with 'set ' or 'delete ': "
                    + ProfileException.printable(s));
        }
        if (s.chars().anyMatch(c -> c < 0x20 || c == ';' || c == '\\')) {
            throw ProfileException.badProfile(profile, "control characters, ';' and '\\' are not allowed: "
                    + ProfileException.printable(s));
        }
        if (s.chars().filter(c -> c == '"').count() % 2 != 0) {
            throw ProfileException.badProfile(profile, "unbalanced quote in: " + s);
        }
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
            if (depth < 0 || depth > 1) {
                throw ProfileException.badProfile(profile, "unbalanced or nested brackets in: " + s);
            }
        }
        if (depth != 0) {
            throw ProfileException.badProfile(profile, "unbalanced bracket in: " + s);
        }
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            if (ProfileVariable.byKey(m.group(1)).isEmpty()) {
                throw ProfileException.badProfile(profile, "unknown variable {" + m.group(1) + "} in: " + s);
            }
        }
        String stripped = PLACEHOLDER.matcher(s).replaceAll("");
        if (stripped.indexOf('{') >= 0 || stripped.indexOf('}') >= 0) {
            throw ProfileException.badProfile(profile, "unbalanced brace in: " + s);
        }
    }

    /** The variables the templates use, in order of first use. */
    public Set<ProfileVariable> variables() {
        Set<ProfileVariable> out = new LinkedHashSet<>();
        for (String s : statements) {
            Matcher m = PLACEHOLDER.matcher(s);
            while (m.find()) {
                out.add(ProfileVariable.byKey(m.group(1)).orElseThrow());
            }
        }
        return out;
    }

    /**
     * The statements for one port: every placeholder replaced by its validated value from
     * {@code values} (or the profile default). A missing or invalid value is a {@code bad-variable}
     * {@link ProfileException}; unknown keys in {@code values} are rejected too, so a typo is not
     * silently ignored.
     */
    public List<String> render(InterfaceName port, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(defaults);
        for (Map.Entry<String, String> e : values.entrySet()) {
            ProfileVariable v = ProfileVariable.byKey(e.getKey()).orElseThrow(() ->
                    ProfileException.badVariable(e.getKey(), "unknown variable"));
            if (v == ProfileVariable.INTERFACE) {
                throw ProfileException.badVariable(e.getKey(), "the interface comes from the target port");
            }
            if (e.getValue() == null) {
                throw ProfileException.badVariable(e.getKey(), "missing value");
            }
            if (e.getValue().chars().anyMatch(Character::isISOControl)) {
                throw ProfileException.badVariable(e.getKey(), "control characters are not allowed");
            }
            all.put(e.getKey(), e.getValue());
        }
        all.put(ProfileVariable.INTERFACE.key(), port.value());
        Map<ProfileVariable, String> rendered = new HashMap<>();
        for (ProfileVariable v : variables()) {
            String raw = all.get(v.key());
            if (raw == null) {
                throw ProfileException.badVariable(v.key(), "no value given and profile '" + name + "' has no default");
            }
            rendered.put(v, v.render(raw));
        }
        List<String> out = new ArrayList<>(statements.size());
        for (String s : statements) {
            Matcher m = PLACEHOLDER.matcher(s);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(rendered.get(ProfileVariable.byKey(m.group(1)).orElseThrow())));
            }
            m.appendTail(sb);
            out.add(sb.toString());
        }
        return out;
    }
}
