package io.jenkins.plugins.mesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void neverPrintsItsValue() {
        Secret s = Secret.of("tok-DISTINCTIVE-123");
        assertThat(s.toString()).doesNotContain("DISTINCTIVE").isEqualTo("****");
        assertThat(String.valueOf(java.util.List.of(s))).doesNotContain("DISTINCTIVE");
        assertThat(s.reveal()).isEqualTo("tok-DISTINCTIVE-123");
    }

    @Test
    void rejectsEmpty() {
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class);
    }
}
