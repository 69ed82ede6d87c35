package io.jenkins.plugins.mesa.junos;

import java.util.List;

/**
 * The configuration lock is held by another session (or the shared candidate holds someone
 * else's uncommitted changes). {@link #holder()} is the switch's own text, e.g.
 * {@code configuration database locked by: ops terminal p0 (pid 4242) on since ... exclusive [edit]}.
 */
public final class LockHeldException extends RpcErrorException {
    public LockHeldException(String rpc, List<RpcError> errors) {
        super("lock-held", rpc, errors);
    }

    public String holder() {
        return errors().stream().filter(e -> !e.isWarning()).map(RpcError::message).findFirst().orElse("");
    }

    static boolean matches(RpcError e) {
        return "lock-denied".equals(e.tag()) || e.message().contains("configuration database locked by")
                || e.message().contains("configuration database modified");
    }
}
