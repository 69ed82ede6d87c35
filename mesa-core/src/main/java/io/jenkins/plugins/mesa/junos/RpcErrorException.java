package io.jenkins.plugins.mesa.junos;

import java.util.List;
import java.util.stream.Collectors;

/** The switch answered an RPC with {@code rpc-error}s of severity error (or warnings not on the allow-list). */
public class RpcErrorException extends NetconfException {
    private final String rpc;
    private final List<RpcError> errors;

    public RpcErrorException(String rpc, List<RpcError> errors) {
        this("rpc-error", rpc, errors);
    }

    protected RpcErrorException(String reason, String rpc, List<RpcError> errors) {
        super(reason, rpc + " failed: " + errors.stream().map(RpcError::toString).collect(Collectors.joining("; ")));
        this.rpc = rpc;
        this.errors = List.copyOf(errors);
    }

    /** The RPC that failed, e.g. {@code commit-configuration}. */
    public String rpc() {
        return rpc;
    }

    public List<RpcError> errors() {
        return errors;
    }
}
