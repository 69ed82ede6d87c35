package io.jenkins.plugins.mesa.change;

import java.time.Duration;

/** How long one stage of a change took. */
public record StageTiming(Stage stage, Duration took) {
}
