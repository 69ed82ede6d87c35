package io.jenkins.plugins.mesa.junos;

import io.jenkins.plugins.mesa.MesaException;

/**
 * A NETCONF session or RPC failed. Subclasses say how: {@link HostKeyRejectedException},
 * {@link NetconfAuthException}, {@link NetconfTimeoutException}, {@link SessionLostException},
 * {@link RpcErrorException} (with {@link LockHeldException}), or a plain connect or protocol failure
 * carrying reason {@code connect-failed} / {@code protocol-error}.
 */
public class NetconfException extends MesaException {
    public NetconfException(String reason, String message, Throwable cause) {
        super(reason, message, cause);
    }

    public NetconfException(String reason, String message) {
        super(reason, message);
    }

    static NetconfException connectFailed(String message, Throwable cause) {
        return new NetconfException("connect-failed", message, cause);
    }

    static NetconfException protocol(String message) {
        return new NetconfException("protocol-error", message);
    }
}
