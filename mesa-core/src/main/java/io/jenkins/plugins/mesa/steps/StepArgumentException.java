package io.jenkins.plugins.mesa.steps;

import io.jenkins.plugins.mesa.MesaException;

/** A pipeline step was called with a missing or invalid argument; the message names the argument. */
public final class StepArgumentException extends MesaException {
    public StepArgumentException(String message) {
        super("bad-argument", message);
    }
}
