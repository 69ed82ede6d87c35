package io.jenkins.plugins.mesa.junos;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits for one switch: TCP connect + SSH handshake + NETCONF hello, each ordinary RPC, and
 * a commit (which validates the whole configuration and can take much longer on a real EX).
 */
public record NetconfTimeouts(Duration connect, Duration rpc, Duration commit) {
    public NetconfTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(rpc, "rpc");
        Objects.requireNonNull(commit, "commit");
        if (connect.isNegative() || connect.isZero() || rpc.isNegative() || rpc.isZero()
                || commit.isNegative() || commit.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public static NetconfTimeouts defaults() {
        return new NetconfTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(180));
    }
}
