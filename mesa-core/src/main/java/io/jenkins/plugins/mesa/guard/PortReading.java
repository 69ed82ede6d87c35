package io.jenkins.plugins.mesa.guard;

import io.jenkins.plugins.mesa.mist.SwitchPortStatus;
import java.util.Objects;

/**
 * What one switch-side source said about a port: a status, nothing (the source has no such port),
 * or a failure to ask.
 *
 * @param source  e.g. {@code netconf-lldp} or {@code mist-port-stats}
 * @param status  the port's state, or {@code null} when the source gave none
 * @param problem why there is no status (empty when there is one, or when the source simply has no data)
 */
public record PortReading(String source, SwitchPortStatus status, String problem) {
    public PortReading {
        Objects.requireNonNull(source, "source");
        problem = problem == null ? "" : problem;
    }

    public static PortReading of(SwitchPortStatus status) {
        return new PortReading(status.source() == null ? "unknown" : status.source(), status, "");
    }

    public static PortReading none(String source) {
        return new PortReading(source, null, "");
    }

    public static PortReading failed(String source, String problem) {
        return new PortReading(source, null, problem);
    }

    public boolean present() {
        return status != null;
    }
}
