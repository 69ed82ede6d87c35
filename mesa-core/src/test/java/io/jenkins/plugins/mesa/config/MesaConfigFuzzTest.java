package io.jenkins.plugins.mesa.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Any input either loads as a {@link MesaConfig} or is refused with a {@link ConfigException} —
 * never another exception, never a hang — and a secret resolved from the environment or a file
 * never shows up in an error, a dump or a {@code toString()}.
 *
 * <p>In a normal build ({@code ./mvnw verify}) Jazzer runs only the seed corpus in
 * {@code src/test/resources/io/jenkins/plugins/mesa/config/MesaConfigFuzzTestInputs/} (regression
 * mode). To fuzz for real, for a bounded time:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -pl mesa-core -am test -Dtest=MesaConfigFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Djazzer.max_duration=5m
 * </pre>
 * Findings are written as new files next to the seeds and then replay in every build.
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
        String yaml = new String(input, StandardCharsets.UTF_8);
        // a secret the fuzzer typed into the file itself may be echoed as what it is there (a key, a path)
        boolean secretInInput = yaml.contains(SECRET);
        try {
            MesaConfig config = MesaConfig.parse(yaml, "fuzz.yaml", SECRETS);
            String dump = config.describe();
            assertThat(dump).doesNotContain(SECRET);
            assertThat(config.toString()).doesNotContain(SECRET);
        } catch (ConfigException e) {
            assertThat(e.errors()).isNotEmpty();
            assertThat(e.errors()).allSatisfy(err -> assertThat(err.line()).isNotNegative());
            if (!secretInInput) {
                assertThat(e.getMessage()).doesNotContain(SECRET);
            }
        }
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
