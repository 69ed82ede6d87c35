package io.jenkins.plugins.mesa.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void readsTheFormsPeopleWrite() {
        assertThat(DurationText.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(DurationText.parse("60s")).contains(Duration.ofSeconds(60));
        assertThat(DurationText.parse("5m")).contains(Duration.ofMinutes(5));
        assertThat(DurationText.parse("24h")).contains(Duration.ofHours(24));
        assertThat(DurationText.parse("2d")).contains(Duration.ofDays(2));
        assertThat(DurationText.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(DurationText.parse(" PT1M30S ")).contains(Duration.ofSeconds(90));
        assertThat(DurationText.parse("pt2h")).contains(Duration.ofHours(2));
    }

    @Test
    void refusesBareNumbersUnknownUnitsAndNonsense() {
        assertThat(DurationText.parse("60")).isEmpty();
        assertThat(DurationText.parse("5 m")).isEmpty();
        assertThat(DurationText.parse("5min")).isEmpty();
        assertThat(DurationText.parse("-5s")).isEmpty();
        assertThat(DurationText.parse("")).isEmpty();
        assertThat(DurationText.parse("P")).isEmpty();
        assertThat(DurationText.parse("9999999999s")).isEmpty();
    }

    @Test
    void formatsTheShortestFormThatReadsBack() {
        assertThat(DurationText.format(Duration.ofSeconds(60))).isEqualTo("1m");
        assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(DurationText.format(Duration.ofDays(1).plusHours(1))).isEqualTo("1d1h");
        for (Duration d : new Duration[] {Duration.ofMillis(1), Duration.ofSeconds(59), Duration.ofMinutes(61),
                Duration.ofHours(25), Duration.ofDays(30)}) {
            assertThat(DurationText.parse(DurationText.format(d))).contains(d);
        }
    }
}
