package io.jenkins.plugins.mesa.guard;

import io.jenkins.plugins.mesa.MesaException;

/** A guard or flow setting is out of range or inconsistent; nothing was started with it. */
public final class InvalidSettingException extends MesaException {
    public InvalidSettingException(String message) {
        super("invalid-setting", message);
    }
}
