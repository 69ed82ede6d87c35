package io.jenkins.plugins.mesa.junos;

/**
 * The NETCONF host of a switch configured without {@code host} could not be found: the change has
 * no switch MAC to ask Mist with ({@code no-switch-mac}), Mist does not know the switch or reports
 * no address ({@code switch-host-unknown}), Mist could not be asked ({@code switch-host-lookup-failed}),
 * or what it reports is no host name or address ({@code bad-switch-host}). Nothing was connected to.
 */
public final class SwitchHostException extends NetconfException {
    public SwitchHostException(String reason, String message, Throwable cause) {
        super(reason, message, cause);
    }

    public SwitchHostException(String reason, String message) {
        super(reason, message);
    }
}
