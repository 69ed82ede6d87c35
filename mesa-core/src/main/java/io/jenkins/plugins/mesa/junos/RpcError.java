package io.jenkins.plugins.mesa.junos;

/**
 * One {@code rpc-error} from a reply.
 *
 * @param type       error-type (transport, rpc, protocol, application), may be empty
 * @param tag        error-tag, e.g. {@code lock-denied}, may be empty
 * @param severity   {@code error} or {@code warning}
 * @param message    error-message, whitespace-trimmed
 * @param badElement error-info/bad-element (Junos puts the offending statement there), may be empty
 */
public record RpcError(String type, String tag, String severity, String message, String badElement) {

    public boolean isWarning() {
        return "warning".equals(severity);
    }

    @Override
    public String toString() {
        return severity + (tag.isEmpty() ? "" : " " + tag) + ": " + message
                + (badElement.isEmpty() ? "" : " [" + badElement + "]");
    }
}
