package io.jenkins.plugins.mesa.lab.junos;

import java.time.Instant;

/**
 * One entry of the simulated {@code show system commit}.
 *
 * @param sequence  1 for the first commit since the simulator started
 * @param at        simulator time of the commit
 * @param user      committing user, or {@code "rollback"} for an automatic confirmed-commit rollback
 * @param comment   the commit log comment
 * @param confirmed true for a {@code commit confirmed}
 */
public record CommitRecord(int sequence, Instant at, String user, String comment, boolean confirmed) {
}
