package io.jenkins.plugins.mesa.flow;

import java.time.Instant;
import java.util.Optional;

/** Event keys already accepted, with when; see {@link io.jenkins.plugins.mesa.guard.Dedup#key}. Thread-safe. */
public interface DedupLog {

    Optional<Instant> firstSeen(String key);

    /** Remembers the key as seen at {@code at} (replacing an older time). */
    void remember(String key, Instant at);

    /** Forgets keys seen before {@code cutoff}. */
    void forgetBefore(Instant cutoff);
}
