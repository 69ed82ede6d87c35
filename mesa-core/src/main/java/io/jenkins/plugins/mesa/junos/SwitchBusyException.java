package io.jenkins.plugins.mesa.junos;

import java.time.Duration;

/** Other changes to the same switch kept it busy for longer than the queue wait. */
public final class SwitchBusyException extends NetconfException {
    public SwitchBusyException(String switchName, Duration waited) {
        super("switch-busy", "switch " + switchName + " stayed busy with other changes for " + waited.toSeconds() + " s");
    }
}
