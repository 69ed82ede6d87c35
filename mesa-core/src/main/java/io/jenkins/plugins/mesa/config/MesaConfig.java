package io.jenkins.plugins.mesa.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole MESA deployment, as one YAML file describes it ({@code mesa serve}, {@code mesa check},
 * {@code mesa lab}) or as the Jenkins plugin builds it from its global configuration.
 *
 * <p>Loading checks everything and reports every problem at once, each with its line and key path,
 * as a {@link ConfigException}; unknown keys are errors. Secrets are written {@code ${env:NAME}} or
 * {@code ${file:/path}} and resolved through a {@link SecretSource}; they are never printed —
 * {@link #describe()} shows them as {@code ****}.
 *
 * @param version     schema version; only 1 exists
 * @param mist        the Mist cloud
 * @param webhook     webhook authentication and limits
 * @param guards      hold-down, outage, LLDP and dedup settings
 * @param backends    which back-end changes which switch
 * @param switches    NETCONF access per switch
 * @param junos       Junos back-end settings and port profiles
 * @param cso         CSO back-end; required when a switch or site uses it
 * @param mistBackend Mist API back-end (Mist-managed switches)
 * @param notifications Slack / Teams notifications (written {@code notify:} in the file)
 * @param store       durable store of {@code mesa serve}
 * @param server      HTTP endpoint of {@code mesa serve}
 * @param warnings    things that work but deserve attention (insecure switches, literal secrets); not a setting
 */
public record MesaConfig(int version, MistConfig mist, WebhookConfig webhook, GuardConfig guards,
                         BackendConfig backends, List<SwitchConfig> switches, JunosConfig junos,
                         Optional<CsoConfig> cso, MistBackendConfig mistBackend,
                         @JsonProperty("notify") NotifyConfig notifications,
                         StoreConfig store, ServerConfig server, @JsonIgnore List<String> warnings) {
    public static final int VERSION = 1;
    /** Files larger than this are refused before they are read. */
    public static final int MAX_FILE_BYTES = YamlReader.MAX_CHARS;

    public MesaConfig {
        if (version != VERSION) {
            throw new IllegalArgumentException("configuration version must be " + VERSION);
        }
        Objects.requireNonNull(mist, "mist");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(guards, "guards");
        Objects.requireNonNull(backends, "backends");
        switches = List.copyOf(switches);
        Objects.requireNonNull(junos, "junos");
        Objects.requireNonNull(cso, "cso");
        Objects.requireNonNull(mistBackend, "mistBackend");
        Objects.requireNonNull(notifications, "notify");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(server, "server");
        warnings = List.copyOf(warnings);
    }

    /** Reads and checks a configuration file, resolving secrets from the process environment and files. */
    public static MesaConfig load(Path file) {
        return load(file, SecretSource.system());
    }

    /** Reads and checks a configuration file. */
    public static MesaConfig load(Path file, SecretSource secrets) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw fail(name, "file too large: more than " + MAX_FILE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw fail(name, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw fail(name, "not UTF-8 text");
        }
        return parse(text, name, secrets);
    }

    /**
     * Parses and checks configuration text.
     *
     * @param yaml       the YAML text
     * @param sourceName the name errors start with, e.g. {@code mesa.yaml}
     * @param secrets    where {@code ${env:…}} and {@code ${file:…}} references are resolved
     * @throws ConfigException listing every problem, never another exception for bad input
     */
    public static MesaConfig parse(String yaml, String sourceName, SecretSource secrets) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(secrets, "secrets");
        Reading reading = new Reading(sourceName, secrets);
        MesaConfig config = null;
        try {
            Optional<YamlNode> root = YamlReader.read(yaml, sourceName, reading.errors);
            if (root.isEmpty() && reading.errors.isEmpty()) {
                reading.error(0, "", "the file is empty; see mesa.example.yaml for a complete example");
            } else if (root.isPresent() && !(root.get() instanceof YamlNode.Mapping)) {
                reading.error(root.get().line(), "", "expected a mapping of sections (mist:, webhook:, …), got "
                        + YamlNode.describe(root.get()));
            } else if (root.isPresent()) {
                config = bind(Section.root(reading, (YamlNode.Mapping) root.get()));
            }
        } catch (RuntimeException e) {
            // A check that let a value through which a record then refused: still the file's fault,
            // reported without the exception's message (which is ours, but stay on the safe side).
            reading.error(0, "", "inconsistent configuration (" + e.getClass().getSimpleName() + ")");
            config = null;
        }
        if (config != null && reading.errors.isEmpty()) {
            config.crossCheck((path, where, message) -> reading.error(reading.lineOf(where), path, message));
        }
        if (!reading.errors.isEmpty() || config == null) {
            List<ConfigError> errors = new ArrayList<>(reading.errors);
            if (errors.isEmpty()) {
                errors.add(new ConfigError(sourceName, 0, "", "configuration incomplete"));
            }
            errors.sort(Comparator.comparingInt(ConfigError::line));
            throw new ConfigException(errors);
        }
        return config;
    }

    /**
     * The same cross-section checks loading makes, for a configuration built in code (the Jenkins
     * plugin): every back-end in use has what it needs.
     *
     * @throws ConfigException naming each problem by key path
     */
    public MesaConfig validate(String sourceName) {
        List<ConfigError> errors = new ArrayList<>();
        crossCheck((path, where, message) -> errors.add(new ConfigError(sourceName, 0, path, message)));
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return this;
    }

    /** The switch with this name, if configured. */
    public Optional<SwitchConfig> switchNamed(String name) {
        return switches.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Every setting, defaults included, as YAML that reads back as the same configuration, except
     * that each secret is shown as {@code ****}. Warnings come first, as comments.
     */
    public String describe() {
        return ConfigDump.yaml(this);
    }

    private static MesaConfig bind(Section root) {
        long version = root.integer("version", VERSION, 0, Long.MAX_VALUE);
        if (version != VERSION) {
            root.error("version", "only version " + VERSION + " exists");
            version = VERSION;
        }
        MistConfig mist = null;
        if (!root.has("mist")) {
            root.missing("mist", "baseUrl, token and orgId of the Mist org");
        } else {
            mist = MistConfig.read(root.section("mist"));
        }
        WebhookConfig webhook = WebhookConfig.read(root.section("webhook"));
        GuardConfig guards = GuardConfig.read(root.section("guards"));
        BackendConfig backends = BackendConfig.read(root.section("backends"));
        List<SwitchConfig> switches = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Section s : root.sectionList("switches")) {
            SwitchConfig sw = SwitchConfig.read(s);
            if (sw != null) {
                Integer first = seen.putIfAbsent(sw.name(), s.lineOf("name"));
                if (first != null) {
                    s.error("name", "duplicate switch name (first at line " + first + ")");
                } else {
                    switches.add(sw);
                }
            }
        }
        JunosConfig junos = JunosConfig.read(root.section("junos"));
        Optional<CsoConfig> cso = root.optionalSection("cso").flatMap(CsoConfig::read);
        MistBackendConfig mistBackend = MistBackendConfig.read(root.section("mistBackend"));
        NotifyConfig notifications = NotifyConfig.read(root.section("notify"));
        StoreConfig store = StoreConfig.read(root.section("store"));
        ServerConfig server = ServerConfig.read(root.section("server"));
        boolean csoGiven = root.has("cso");
        root.finish();
        if (switches.isEmpty() && backends.reachable().contains(Backend.JUNOS)) {
            root.warn("switches", "none configured, so the junos back-end (in use per backends) cannot"
                    + " reach any switch; list each switch with its login and host-key pin");
        }
        Reading reading = root.reading();
        if (mist == null || !reading.errors.isEmpty() || (csoGiven && cso.isEmpty())) {
            return null;
        }
        return new MesaConfig((int) version, mist, webhook, guards, backends, switches, junos, cso, mistBackend, notifications,
                store, server, reading.warnings);
    }

    /** A problem found across sections: its key path, the key path whose line to show, the message. */
    @FunctionalInterface
    private interface Problem {
        void accept(String path, String where, String message);
    }

    /**
     * Checks across sections, made once the file is otherwise valid; each problem is reported with
     * the key path it concerns and the line that caused it.
     */
    private void crossCheck(Problem problem) {
        var used = backends.reachable();
        if (used.contains(Backend.JUNOS)) {
            for (String p : List.of("ap", "secured")) {
                if (!junos.profiles().containsKey(p)) {
                    problem.accept("junos.profiles." + p, "junos.profiles." + p, "required: the junos back-end is in use (backends),"
                            + " so profile '" + p + "' must be defined with its set/delete statements");
                }
            }
        }
        if (used.contains(Backend.CSO)) {
            if (cso.isEmpty()) {
                problem.accept("cso", "backends", "required: the cso back-end is in use (backends)");
            } else {
                for (String p : List.of("ap", "secured")) {
                    if (!cso.get().profiles().containsKey(p)) {
                        problem.accept("cso.profiles." + p, "cso.profiles." + p, "required: the cso back-end is in use (backends)");
                    }
                }
            }
        }
        for (String p : List.of("ap", "secured")) {
            if (!mistBackend.usages().containsKey(p)) {
                problem.accept("mistBackend.usages." + p, "mistBackend.usages." + p, "required: Mist-managed switches are always changed"
                        + " through the Mist API, which needs a port usage for '" + p + "'");
            }
        }
        backends.bySwitch().forEach((name, backend) -> {
            if (backend == Backend.JUNOS && switchNamed(name).isEmpty()) {
                problem.accept("backends.bySwitch." + name, "backends.bySwitch." + name, "the junos back-end needs this switch in switches"
                        + " (login and host-key pin)");
            }
        });
    }

    private static ConfigException fail(String source, String message) {
        return new ConfigException(List.of(new ConfigError(source, 0, "", message)));
    }
}
