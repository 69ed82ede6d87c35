package io.jenkins.plugins.mesa.junos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The Junos XML RPCs of a configuration change, on one open {@link NetconfSession}: exclusive
 * lock, {@code load set}, "show | compare", commit check / confirmed / confirming, discard,
 * committed configuration as set statements, and LLDP neighbours. Commits use the commit
 * timeout, everything else the RPC timeout.
 */
public final class JunosRpcs {
    private final NetconfSession session;
    private final NetconfTimeouts timeouts;

    public JunosRpcs(NetconfSession session, NetconfTimeouts timeouts) {
        this.session = session;
        this.timeouts = timeouts;
    }

    public NetconfSession session() {
        return session;
    }

    /** Exclusive lock of the shared candidate (a confirmed commit is not allowed on a private copy). */
    public void lockConfiguration() {
        session.call("<lock-configuration/>", timeouts.rpc());
    }

    public void unlockConfiguration() {
        session.call("<unlock-configuration/>", timeouts.rpc());
    }

    /** {@code load set}: one statement per line. Warnings on the allow-list (e.g. deleting an absent statement) pass. */
    public void loadSet(List<String> statements) {
        String body = String.join("\n", statements);
        RpcReply reply = session.call("<load-configuration action=\"set\" format=\"text\"><configuration-set>"
                + NetconfXml.escape(body) + "</configuration-set></load-configuration>", timeouts.rpc());
        if (reply.find("load-error-count").isPresent() && reply.find("load-success").isEmpty()) {
            throw new RpcErrorException("load-configuration", List.of(new RpcError("", "", "error",
                    "load reported " + reply.text("load-error-count").strip() + " error(s)", "")));
        }
    }

    /** The candidate-vs-active diff ("show | compare"); empty when there is none. */
    public String compareRollback0() {
        RpcReply reply = session.call("<get-configuration compare=\"rollback\" rollback=\"0\" format=\"text\"/>",
                timeouts.rpc());
        String diff = reply.text("configuration-output");
        return diff.isBlank() ? "" : diff.strip() + "\n";
    }

    public void commitCheck() {
        RpcReply reply = session.call("<commit-configuration><check/></commit-configuration>", timeouts.commit());
        requireCommitSuccess(reply, "commit-check-success", "commit-configuration check");
    }

    /** {@code commit confirmed N comment "..."}: rolls back by itself unless confirmed within N minutes. */
    public void commitConfirmed(int minutes, String comment) {
        if (minutes < 1 || minutes > 65535) {
            throw new IllegalArgumentException("confirm minutes must be 1..65535");
        }
        RpcReply reply = session.call("<commit-configuration><confirmed/><confirm-timeout>" + minutes
                + "</confirm-timeout><log>" + NetconfXml.escape(comment) + "</log></commit-configuration>",
                timeouts.commit());
        requireCommitSuccess(reply, "commit-success", "commit-configuration confirmed");
    }

    /** A plain commit; confirms a pending confirmed commit. */
    public void commit(String comment) {
        RpcReply reply = session.call("<commit-configuration><log>" + NetconfXml.escape(comment)
                + "</log></commit-configuration>", timeouts.commit());
        requireCommitSuccess(reply, "commit-success", "commit-configuration");
    }

    private static void requireCommitSuccess(RpcReply reply, String marker, String rpc) {
        if (reply.find(marker).isEmpty() && reply.find("ok").isEmpty()) {
            throw new RpcErrorException(rpc, List.of(new RpcError("", "", "error",
                    "reply has neither <" + marker + "/> nor <ok/>", "")));
        }
    }

    public void discardChanges() {
        session.call("<discard-changes/>", timeouts.rpc());
    }

    /** The active configuration as {@code set} lines ({@code show configuration | display set}). */
    public List<String> committedSetStatements() {
        RpcReply reply = session.call("<get-configuration database=\"committed\" format=\"set\"/>", timeouts.rpc());
        Element set = reply.find("configuration-set").orElseThrow(() ->
                NetconfException.protocol(session.switchName() + ": get-configuration reply without <configuration-set>"));
        List<String> out = new ArrayList<>();
        Arrays.stream(set.getTextContent().split("\n")).map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
        return out;
    }

    /** One LLDP neighbour as the switch reports it. */
    public record LldpNeighbor(String localPort, String chassisId, String portId, String systemName) {
    }

    public List<LldpNeighbor> lldpNeighbors() {
        RpcReply reply = session.call("<get-lldp-neighbors-information/>", timeouts.rpc());
        List<LldpNeighbor> out = new ArrayList<>();
        for (Element n : NetconfXml.descendants(reply.root(), "lldp-neighbor-information")) {
            String local = NetconfXml.childText(n, "lldp-local-port-id");
            if (local.isEmpty()) {
                local = NetconfXml.childText(n, "lldp-local-interface");
            }
            out.add(new LldpNeighbor(local, NetconfXml.childText(n, "lldp-remote-chassis-id"),
                    NetconfXml.childText(n, "lldp-remote-port-id"), NetconfXml.childText(n, "lldp-remote-system-name")));
        }
        return out;
    }
}
