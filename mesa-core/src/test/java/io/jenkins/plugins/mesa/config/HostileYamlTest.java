package io.jenkins.plugins.mesa.config;

import static io.jenkins.plugins.mesa.config.ConfigFixture.MINIMAL;
import static io.jenkins.plugins.mesa.config.ConfigFixture.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input meant to hurt the loader is refused with a ConfigException, quickly and without expanding anything. */
class HostileYamlTest {

    @Test
    void aliasBombIsRefusedAtTheFirstAnchor() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            bomb.append("]\n");
        }
        assertThat(errors(bomb.toString()))
                .containsExactly("mesa.yaml:1: YAML anchors and aliases (& and *) are not supported in a configuration file");
    }

    @Test
    void anchorsAndAliasesAreRefusedEvenWhenHarmless() {
        // Jackson does not report an anchor on a scalar, only its use; a label nobody refers to is harmless
        assertThat(errors(MINIMAL.replace("    username: mesa", "    username: &u mesa\n    mac: *u")))
                .containsExactly("mesa.yaml:11: YAML anchors and aliases (& and *) are not supported in a configuration file");
        assertThat(errors(MINIMAL.replace("junos:\n", "junos: &j\n")))
                .containsExactly("mesa.yaml:13: YAML anchors and aliases (& and *) are not supported in a configuration file");
        assertThat(errors("x: *undefined\n")).singleElement().asString().startsWith("mesa.yaml:1: ");
    }

    @Test
    void deepNestingIsRefused() {
        assertThat(errors("a: " + "[".repeat(5000) + "]".repeat(5000) + "\n"))
                .singleElement().asString().startsWith("mesa.yaml:1: ").contains("nested deeper than 20 levels");
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            block.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        assertThat(errors(block.toString())).singleElement().asString().contains("nested deeper than 20 levels");
        assertThat(errors("a: " + "{b: ".repeat(3000) + "}".repeat(3000) + "\n"))
                .singleElement().asString().contains("nested deeper than");
    }

    @Test
    void hugeInputIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
        String huge = "a: \"" + "x".repeat(MesaConfig.MAX_FILE_BYTES) + "\"\n";
        assertThat(errors(huge)).containsExactly("mesa.yaml: file too large: more than 1048576 characters");

        Path file = Files.writeString(dir.resolve("huge.yaml"), huge);
        assertThatThrownBy(() -> MesaConfig.load(file, ConfigFixture.SECRETS))
                .isInstanceOf(ConfigException.class)
                .hasMessage("huge.yaml: file too large: more than 1048576 bytes");
    }

    @Test
    void severalDocumentsTagsAndBinaryAreRefused() {
        assertThat(errors(MINIMAL + "---\nmist: {}\n"))
                .containsExactly("mesa.yaml:22: only one YAML document is allowed in a configuration file");
        assertThat(errors(MINIMAL.replace("  orgId: ", "  orgId: !!str ")))
                .containsExactly("mesa.yaml:4: YAML tags (!…) are not supported in a configuration file");
        assertThat(errors("a: !!binary aGVsbG8=\n")).singleElement().asString().startsWith("mesa.yaml:1: ");
        assertThat(errors("a: !java.lang.Runtime {}\n"))
                .containsExactly("mesa.yaml:1: YAML tags (!…) are not supported in a configuration file");
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThat(errors(MINIMAL.replace("    username: mesa", "\tusername: mesa")))
                .singleElement().asString().startsWith("mesa.yaml:10: not valid YAML: ");
        assertThat(errors(MINIMAL.replace("  orgId:", " orgId:")))
                .singleElement().asString().startsWith("mesa.yaml:4: not valid YAML: ");
        assertThat(errors("a: [unclosed\n")).singleElement().asString().startsWith("mesa.yaml:2: not valid YAML: ");
        assertThat(errors("? [complex, key]\n: value\n")).singleElement().asString().startsWith("mesa.yaml:");
        assertThat(errors("a: \u0000\n")).singleElement().asString().startsWith("mesa.yaml:");
    }

    @Test
    void numbersOutOfEveryRangeAreRangeErrors() {
        assertThat(errors(MINIMAL.replace("    host: 10.0.0.1", "    port: " + "9".repeat(40))))
                .containsExactly("mesa.yaml:9: switches[0].port: must be an integer from 1 to 65535");
        assertThat(errors(MINIMAL + "guards: {outage: {minRatio: .nan}}\n"))
                .containsExactly("mesa.yaml:21: guards.outage.minRatio: must be a number from 0.01 to 1.0");
        assertThat(errors(MINIMAL + "guards: {holdDown: 999999999999d}\n")).singleElement().asString()
                .startsWith("mesa.yaml:21: guards.holdDown: must be");
    }
}
