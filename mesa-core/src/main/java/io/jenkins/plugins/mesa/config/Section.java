package io.jenkins.plugins.mesa.config;

import io.jenkins.plugins.mesa.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One YAML mapping of the configuration being read, at a key path. Each typed getter checks the
 * value, records an error naming path and line when it is wrong (and returns the default so that
 * reading goes on and every error is found), and marks the key as known; {@link #finish()} then
 * reports every key nobody asked for. No message ever contains a value from the file.
 */
final class Section {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]*)}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private final Reading reading;
    private final String path;
    private final YamlNode.Mapping mapping;
    private final int line;
    private final Set<String> asked = new LinkedHashSet<>();

    /** {@code line} is where the section is named (its key, or its list dash), which a reader looks for. */
    private Section(Reading reading, String path, YamlNode.Mapping mapping, int line) {
        this.reading = reading;
        this.path = path;
        this.mapping = mapping;
        this.line = line;
        reading.remember(path, line);
    }

    static Section root(Reading reading, YamlNode.Mapping mapping) {
        return new Section(reading, "", mapping, mapping.line());
    }

    String path() {
        return path;
    }

    int line() {
        return line;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** True when the key is present with a non-null value. */
    boolean has(String key) {
        return node(key).isPresent();
    }

    /** The key's value; a YAML null counts as absent. */
    Optional<YamlNode> node(String key) {
        asked.add(key);
        YamlNode.Entry e = mapping.entries().get(key);
        if (e == null) {
            return Optional.empty();
        }
        reading.remember(path(key), e.line());
        if (e.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.NULL) {
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    void error(String key, String message) {
        reading.error(lineOf(key), path(key), message);
    }

    void missing(String key, String hint) {
        reading.error(line(), path(key), "required" + (hint.isEmpty() ? "" : " (" + hint + ")"));
    }

    void warn(String key, String message) {
        reading.warn(path(key), message);
    }

    Reading reading() {
        return reading;
    }

    int lineOf(String key) {
        YamlNode.Entry e = mapping.entries().get(key);
        return e == null ? line() : e.line();
    }

    // ---- sections

    /** The nested mapping; an empty one (so that every default applies) when absent or wrong. */
    Section section(String key) {
        Optional<YamlNode> n = node(key);
        if (n.isPresent() && n.get() instanceof YamlNode.Mapping m) {
            return new Section(reading, path(key), m, lineOf(key));
        }
        n.ifPresent(v -> typeError(key, "a mapping of keys", v));
        return new Section(reading, path(key), new YamlNode.Mapping(Map.of(), lineOf(key)), lineOf(key));
    }

    /** The nested mapping, or empty when the key is absent (an optional section). */
    Optional<Section> optionalSection(String key) {
        return has(key) ? Optional.of(section(key)) : Optional.empty();
    }

    /** A list of mappings ({@code switches: [ {name: …}, … ]}). */
    List<Section> sectionList(String key) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return List.of();
        }
        if (!(n.get() instanceof YamlNode.Sequence seq)) {
            typeError(key, "a list", n.get());
            return List.of();
        }
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            String itemPath = path(key) + "[" + i + "]";
            if (item instanceof YamlNode.Mapping m) {
                out.add(new Section(reading, itemPath, m, item.line()));
            } else {
                reading.error(item.line(), itemPath, "expected a mapping of keys, got " + YamlNode.describe(item));
            }
        }
        return out;
    }

    /** A mapping of names to mappings ({@code profiles: {ap: {…}, secured: {…}}}), in file order. */
    Map<String, Section> sectionMap(String key) {
        Map<String, Section> out = new LinkedHashMap<>();
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return out;
        }
        if (!(n.get() instanceof YamlNode.Mapping m)) {
            typeError(key, "a mapping of names", n.get());
            return out;
        }
        for (YamlNode.Entry e : m.entries().values()) {
            String entryPath = path(key) + "." + e.key();
            reading.remember(entryPath, e.line());
            if (e.value() instanceof YamlNode.Mapping em) {
                out.put(e.key(), new Section(reading, entryPath, em, e.line()));
            } else {
                reading.error(e.line(), entryPath, "expected a mapping of keys, got " + YamlNode.describe(e.value()));
            }
        }
        return out;
    }

    // ---- scalars

    /** Text of a scalar (strings, and numbers taken as written); empty when absent or wrong. */
    Optional<String> text(String key) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof YamlNode.Scalar s && s.kind() != YamlNode.ScalarKind.BOOLEAN) {
            if (s.text().isBlank()) {
                error(key, "must not be blank");
                return Optional.empty();
            }
            return Optional.of(s.text().trim());
        }
        typeError(key, "a text value (quote it if it looks like a boolean)", n.get());
        return Optional.empty();
    }

    String text(String key, String defaultValue) {
        return text(key).orElse(defaultValue);
    }

    /** Required text; records "required (hint)" and returns "" when absent. */
    String requiredText(String key, String hint) {
        if (!has(key)) {
            missing(key, hint);
            return "";
        }
        return text(key).orElse("");
    }

    /** Text that must match {@code format}; {@code expectation} says what was expected. */
    Optional<String> matching(String key, Pattern format, String expectation) {
        Optional<String> t = text(key);
        if (t.isPresent() && !format.matcher(t.get()).matches()) {
            error(key, "must be " + expectation);
            return Optional.empty();
        }
        return t;
    }

    long integer(String key, long defaultValue, long min, long max) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return defaultValue;
        }
        if (n.get() instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.INTEGER) {
            try {
                long v = Long.parseLong(s.text().trim().replace("_", ""));
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // out of range for a long: reported below like any other out-of-range value
            }
            error(key, "must be an integer from " + min + " to " + max);
            return defaultValue;
        }
        typeError(key, "an integer", n.get());
        return defaultValue;
    }

    int integer(String key, int defaultValue, int min, int max) {
        return (int) integer(key, (long) defaultValue, min, max);
    }

    double decimal(String key, double defaultValue, double min, double max) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return defaultValue;
        }
        if (n.get() instanceof YamlNode.Scalar s
                && (s.kind() == YamlNode.ScalarKind.FLOAT || s.kind() == YamlNode.ScalarKind.INTEGER)) {
            try {
                double v = Double.parseDouble(s.text().trim());
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // YAML spellings such as .inf: reported as out of range below
            }
            error(key, "must be a number from " + min + " to " + max);
            return defaultValue;
        }
        typeError(key, "a number", n.get());
        return defaultValue;
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return defaultValue;
        }
        if (n.get() instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.BOOLEAN) {
            return Boolean.parseBoolean(s.text().trim());
        }
        typeError(key, "true or false", n.get());
        return defaultValue;
    }

    Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return defaultValue;
        }
        String expected = "a duration such as 500ms, 60s, 5m, 24h or PT1M";
        if (!(n.get() instanceof YamlNode.Scalar s) || s.kind() == YamlNode.ScalarKind.BOOLEAN) {
            typeError(key, expected, n.get());
            return defaultValue;
        }
        Optional<Duration> d = DurationText.parse(s.text());
        if (d.isEmpty()) {
            error(key, "must be " + expected + (s.kind() == YamlNode.ScalarKind.INTEGER ? " (a unit is required)" : ""));
            return defaultValue;
        }
        if (d.get().compareTo(min) < 0 || d.get().compareTo(max) > 0) {
            error(key, "must be from " + DurationText.format(min) + " to " + DurationText.format(max));
            return defaultValue;
        }
        return d.get();
    }

    long size(String key, long defaultValue, long min, long max) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return defaultValue;
        }
        String expected = "a size in bytes, or with a unit: 512KiB, 1MiB";
        if (!(n.get() instanceof YamlNode.Scalar s) || s.kind() == YamlNode.ScalarKind.BOOLEAN) {
            typeError(key, expected, n.get());
            return defaultValue;
        }
        OptionalLong v = ByteSize.parse(s.text());
        if (v.isEmpty()) {
            error(key, "must be " + expected);
            return defaultValue;
        }
        if (v.getAsLong() < min || v.getAsLong() > max) {
            error(key, "must be from " + ByteSize.format(min) + " to " + ByteSize.format(max));
            return defaultValue;
        }
        return v.getAsLong();
    }

    /** One of a fixed set of words; {@code choices} maps each spelling to its value, in display order. */
    <E> E choice(String key, E defaultValue, Map<String, E> choices) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return defaultValue;
        }
        String allowed = String.join(", ", choices.keySet());
        if (n.get() instanceof YamlNode.Scalar s && choices.containsKey(s.text().trim())) {
            return choices.get(s.text().trim());
        }
        error(key, "must be one of: " + allowed);
        return defaultValue;
    }

    Optional<Path> file(String key) {
        return text(key).flatMap(t -> {
            try {
                return Optional.of(Path.of(t));
            } catch (InvalidPathException e) {
                error(key, "must be a file path");
                return Optional.empty();
            }
        });
    }

    /** An http(s) URL, see {@link #urlProblem}. */
    Optional<URI> url(String key, boolean pathAllowed) {
        return text(key).flatMap(t -> {
            Optional<String> problem = urlProblem(t, pathAllowed);
            problem.ifPresent(p -> error(key, p));
            return problem.isPresent() ? Optional.empty() : Optional.of(URI.create(stripSlash(t)));
        });
    }

    /**
     * Why {@code text} is not an acceptable remote URL: https only (plain http only to this machine,
     * for labs and tests), a host, no user info, query or fragment. The message never quotes the text.
     */
    static Optional<String> urlProblem(String text, boolean pathAllowed) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            return Optional.of("must be a URL such as https://host");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be a URL such as https://host");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return Optional.of("must use https (plain http is allowed only to 127.0.0.1 or localhost)");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must not contain user info, a query or a fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!pathAllowed && !path.isEmpty() && !path.equals("/")) {
            return Optional.of("must be only scheme, host and port, such as https://api.mist.com");
        }
        return Optional.empty();
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    private static String stripSlash(String s) {
        String t = s.trim();
        return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }

    // ---- collections of scalars

    /** A list of texts; {@code defaultValue} when absent. */
    List<String> textList(String key, List<String> defaultValue) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return defaultValue;
        }
        if (!(n.get() instanceof YamlNode.Sequence seq)) {
            typeError(key, "a list", n.get());
            return defaultValue;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            if (item instanceof YamlNode.Scalar s && s.kind() != YamlNode.ScalarKind.NULL
                    && s.kind() != YamlNode.ScalarKind.BOOLEAN && !s.text().isBlank()) {
                out.add(s.text());
            } else {
                reading.error(item.line(), path(key) + "[" + i + "]", "expected a non-blank text, got "
                        + YamlNode.describe(item));
            }
        }
        return out;
    }

    /** A list of integers in a range. */
    List<Integer> integerList(String key, int min, int max) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return List.of();
        }
        if (!(n.get() instanceof YamlNode.Sequence seq)) {
            typeError(key, "a list", n.get());
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            Integer v = null;
            if (item instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.INTEGER) {
                try {
                    long l = Long.parseLong(s.text().trim().replace("_", ""));
                    v = l >= min && l <= max ? (int) l : null;
                } catch (NumberFormatException e) {
                    v = null;
                }
            }
            if (v == null) {
                reading.error(item.line(), path(key) + "[" + i + "]", "must be an integer from " + min + " to " + max);
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /** A mapping of names to texts ({@code bySite: {site: cso}}), in file order. */
    Map<String, String> textMap(String key, Map<String, String> defaultValue) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return defaultValue;
        }
        if (!(n.get() instanceof YamlNode.Mapping m)) {
            typeError(key, "a mapping of names to values", n.get());
            return defaultValue;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries().values()) {
            String entryPath = path(key) + "." + e.key();
            reading.remember(entryPath, e.line());
            if (e.value() instanceof YamlNode.Scalar s && s.kind() != YamlNode.ScalarKind.NULL
                    && s.kind() != YamlNode.ScalarKind.BOOLEAN && !s.text().isBlank()) {
                out.put(e.key(), s.text().trim());
            } else {
                reading.error(e.line(), entryPath, "expected a non-blank text, got " + YamlNode.describe(e.value()));
            }
        }
        return out;
    }

    /** Each value of a text map converted by {@code convert}; an entry it rejects (empty) is reported as wrong. */
    <V> Map<String, V> choiceMap(String key, Map<String, V> choices) {
        Map<String, V> out = new LinkedHashMap<>();
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return out;
        }
        if (!(n.get() instanceof YamlNode.Mapping m)) {
            typeError(key, "a mapping of names to values", n.get());
            return out;
        }
        String allowed = String.join(", ", choices.keySet());
        for (YamlNode.Entry e : m.entries().values()) {
            String entryPath = path(key) + "." + e.key();
            reading.remember(entryPath, e.line());
            if (e.value() instanceof YamlNode.Scalar s && choices.containsKey(s.text().trim())) {
                out.put(e.key(), choices.get(s.text().trim()));
            } else {
                reading.error(e.line(), entryPath, "must be one of: " + allowed);
            }
        }
        return out;
    }

    // ---- secrets

    /**
     * A secret: {@code ${env:NAME}}, {@code ${file:/absolute/path}} or (discouraged, warned about)
     * the literal value. Errors name the variable or file, never the value.
     */
    Optional<Secret> secret(String key) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (!(n.get() instanceof YamlNode.Scalar s) || s.kind() == YamlNode.ScalarKind.BOOLEAN) {
            // the value itself is not described: it may be the secret in a wrong shape
            error(key, "expected a secret: ${env:NAME}, ${file:/path} or the quoted value");
            return Optional.empty();
        }
        String raw = s.text().trim();
        if (raw.isEmpty()) {
            error(key, "must not be empty");
            return Optional.empty();
        }
        if (!raw.startsWith("${")) {
            warn(key, "secret written in the configuration file; prefer ${env:NAME} or ${file:/path}");
            // as written: spaces inside quotes may be part of a password
            return Optional.of(Secret.of(s.text()));
        }
        Matcher m = REFERENCE.matcher(raw);
        if (!m.matches()) {
            error(key, "not a valid secret reference: write ${env:NAME} or ${file:/absolute/path}");
            return Optional.empty();
        }
        String target = m.group(2);
        return m.group(1).equals("env") ? fromEnv(key, target) : fromFile(key, target);
    }

    Secret requiredSecret(String key, String hint) {
        if (!has(key)) {
            missing(key, hint);
            return null;
        }
        return secret(key).orElse(null);
    }

    private Optional<Secret> fromEnv(String key, String name) {
        if (!ENV_NAME.matcher(name).matches()) {
            error(key, "${env:…} needs a variable name of letters, digits and _");
            return Optional.empty();
        }
        Optional<String> value = reading.secrets.env(name);
        if (value.isEmpty()) {
            error(key, "environment variable " + name + " is not set");
            return Optional.empty();
        }
        if (value.get().isBlank()) {
            error(key, "environment variable " + name + " is empty");
            return Optional.empty();
        }
        return Optional.of(Secret.of(value.get()));
    }

    private Optional<Secret> fromFile(String key, String name) {
        Path file;
        try {
            file = Path.of(name);
        } catch (InvalidPathException e) {
            error(key, "${file:…} needs an absolute file path");
            return Optional.empty();
        }
        if (!file.isAbsolute()) {
            error(key, "${file:…} needs an absolute file path, so that it does not depend on the working directory");
            return Optional.empty();
        }
        String text;
        try {
            text = reading.secrets.file(file);
        } catch (IOException | RuntimeException e) {
            // the exception's own message is not used: it could quote file content
            error(key, "cannot read secret file " + file + " (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
        // "echo secret > file" leaves a newline that is not part of the secret
        String value = text.replaceAll("[\\r\\n]+$", "");
        if (value.isBlank()) {
            error(key, "secret file " + file + " is empty");
            return Optional.empty();
        }
        return Optional.of(Secret.of(value));
    }

    // ---- closing

    /** Reports each key present but never asked for: a typo must not be silently ignored. */
    void finish() {
        for (YamlNode.Entry e : mapping.entries().values()) {
            if (!asked.contains(e.key())) {
                String hint = Keys.closest(e.key(), asked).map(k -> " (did you mean '" + k + "'?)")
                        .orElse(" (known keys: " + String.join(", ", asked) + ")");
                reading.error(e.line(), path.isEmpty() ? "" : path, "unknown key " + Keys.printable(e.key()) + hint);
            }
        }
    }

    private void typeError(String key, String expected, YamlNode got) {
        error(key, "expected " + expected + ", got " + YamlNode.describe(got));
    }

    static <E> Map<String, E> choices(E[] values, Function<E, String> spelling) {
        return java.util.Arrays.stream(values).collect(Collectors.toMap(spelling, v -> v, (a, b) -> a,
                LinkedHashMap::new));
    }
}
