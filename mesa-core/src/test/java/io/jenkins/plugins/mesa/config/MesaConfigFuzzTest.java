package io.jenkins.plugins.mesa.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Any input either loads as a {@link MesaConfig} or is refused with a {@link ConfigException} —
 * never another exception, never a hang — and a secret resolved from the environment or a file
 * never shows up in an error, a dump or a {@code toString()}.
 *
 * <p>In a normal build ({@code ./mvnw verify}) Jazzer only replays the seed corpus in
 * {@code src/test/resources/io/jenkins/plugins/mesa/config/MesaConfigFuzzTestInputs/} (regression
 * mode, without Jazzer's hooks: see {@code jazzer.hooks} in mesa-core's pom). To fuzz for real, one
 * fuzz test at a time and for a bounded time ({@code JAZZER_FUZZ} also switches the hooks on):
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -pl mesa-core -am test -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest='MesaConfigFuzzTest#anyInputLoadsOrIsRefusedWithAConfigException' -Djazzer.max_duration=5m
 * </pre>
 * The generated corpus goes to {@code mesa-core/.cifuzz-corpus/} (not committed); a finding is
 * written next to the seeds, and from then on replays in every build.
 */
class MesaConfigFuzzTest {
    /** Only ever reaches the loader through the secret source, never through the input. */
    private static final String SECRET = "fuzz-SECRET-Kp7Qw3";
    private static final SecretSource SECRETS = SecretSource.of(
            Map.of("MIST_TOKEN", SECRET, "HOOK_SECRET", SECRET, "SW_PASSWORD", SECRET, "CSO", SECRET,
                    "SLACK", "https://hooks.slack.com/services/" + SECRET),
            Map.of(Path.of("/run/secret"), SECRET + "\n",
                    Path.of("/run/key"), "-----BEGIN OPENSSH PRIVATE KEY-----\n" + SECRET + "\n-----END OPENSSH PRIVATE KEY-----\n"));

    @FuzzTest(maxDuration = "2m")
    @DictionaryFile(resourcePath = "mesa-config.dict")
    void anyInputLoadsOrIsRefusedWithAConfigException(byte[] input) {
        check(new String(input, StandardCharsets.UTF_8));
    }

    /**
     * Structure-aware: a valid file with some values replaced by fuzzer-chosen text, so that the
     * checks of every key (types, ranges, formats, cross-section rules) are reached, not just the
     * YAML parser.
     */
    @FuzzTest(maxDuration = "2m")
    void aValidFileWithValuesChangedLoadsOrIsRefusedWithAConfigException(FuzzedDataProvider data) throws Exception {
        List<String> lines = new ArrayList<>(validLines());
        int edits = data.consumeInt(1, 6);
        for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
            int at = data.consumeInt(0, lines.size() - 1);
            String line = lines.get(at);
            int colon = line.indexOf(": ");
            String value = data.pickValue(INTERESTING) ? data.consumeString(60) : data.pickValue(VALUES);
            lines.set(at, colon < 0 ? line + value : line.substring(0, colon + 2) + value);
        }
        check(String.join("\n", lines) + "\n");
    }

    private static final Boolean[] INTERESTING = {true, false};
    private static final String[] VALUES = {"", "~", "null", "0", "-1", "65536", "99999999999999999999", "1.5", ".nan",
            "true", "\"yes\"", "[]", "{}", "[a, b]", "{a: 1}", "60", "0s", "500ms", "999999d", "PT-1S", "https://x",
            "http://10.0.0.1", "${env:MISSING}", "${env:MIST_TOKEN}", "${file:relative}", "${file:/run/secret}",
            "${file:/run/key}", "${vault:x}", "SHA256:abc", "junos", "cso", "mist", "mist+netconf", "ap", "\"a b\"",
            "5c:5b:35:0e:55:c8", "jdbc:sqlite:x.db", "\"jdbc:x://u:p@h/d\"", "/path", "*a", "&a x", "!!str x"};

    private static List<String> validLines() throws Exception {
        return Files.readAllLines(Path.of(MesaConfigFuzzTest.class.getResource(
                "MesaConfigFuzzTestInputs/anyInputLoadsOrIsRefusedWithAConfigException/every-section.yaml").toURI()));
    }

    private static void check(String yaml) {
        // a secret the fuzzer typed into the file itself may be echoed as what it is there (a key, a path)
        boolean secretInInput = yaml.contains(SECRET);
        try {
            MesaConfig config = MesaConfig.parse(yaml, "fuzz.yaml", SECRETS);
            String dump = config.describe();
            assertThat(dump).doesNotContain(SECRET);
            assertThat(config.toString()).doesNotContain(SECRET);
            if (masksReadBack(config)) {
                // what mesa check prints is itself a valid file meaning the same (secrets now "****")
                String again = MesaConfig.parse(dump, "dump.yaml", SecretSource.none()).describe();
                assertThat(withoutComments(again)).isEqualTo(withoutComments(dump));
            }
        } catch (ConfigException e) {
            assertThat(e.errors()).isNotEmpty();
            assertThat(e.errors()).allSatisfy(err -> assertThat(err.line()).isNotNegative());
            // the loader's own checks must catch everything a record would refuse
            assertThat(e.getMessage()).doesNotContain("inconsistent configuration");
            if (!secretInInput) {
                assertThat(e.getMessage()).doesNotContain(SECRET);
            }
        }
    }

    /** "****" passes as a literal secret except where a secret must look like a key or a URL. */
    private static boolean masksReadBack(MesaConfig config) {
        return config.switches().stream().noneMatch(s -> s.privateKey().isPresent())
                && config.notifications().slack().isEmpty() && config.notifications().teams().isEmpty();
    }

    private static List<String> withoutComments(String yaml) {
        return yaml.lines().filter(l -> !l.startsWith("#")).toList();
    }

    /** The seeds reach both outcomes, so that regression mode exercises describe() as well as the errors. */
    @Test
    void seedCorpusCoversLoadingAndRefusing() throws Exception {
        Path seeds = Path.of(MesaConfigFuzzTest.class.getResource(
                "MesaConfigFuzzTestInputs/anyInputLoadsOrIsRefusedWithAConfigException").toURI());
        try (var files = Files.list(seeds)) {
            Map<Boolean, List<String>> loads = files.sorted().collect(Collectors.partitioningBy(
                    f -> loads(f), Collectors.mapping(f -> f.getFileName().toString(), Collectors.toList())));
            assertThat(loads.get(true)).contains("minimal.yaml", "every-section.yaml");
            assertThat(loads.get(false)).contains("alias-bomb.yaml", "deep-nesting.yaml", "syntax-error.yaml");
        }
    }

    private static boolean loads(Path seed) {
        try {
            MesaConfig.parse(Files.readString(seed), seed.getFileName().toString(), SECRETS);
            return true;
        } catch (ConfigException e) {
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
