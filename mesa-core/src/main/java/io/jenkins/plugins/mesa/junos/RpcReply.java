package io.jenkins.plugins.mesa.junos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A parsed {@code rpc-reply}: its root element and every {@code rpc-error} found anywhere inside
 * (Junos nests them in {@code load-configuration-results} and {@code commit-results}).
 */
public final class RpcReply {
    private static final String XNM_NS = "http://xml.juniper.net/xnm/1.1/xnm";

    private final Element root;
    private final List<RpcError> errors;

    RpcReply(Element root) {
        this.root = root;
        List<RpcError> found = new ArrayList<>();
        for (Element e : NetconfXml.descendants(root, "rpc-error")) {
            found.add(new RpcError(NetconfXml.childText(e, "error-type"), NetconfXml.childText(e, "error-tag"),
                    NetconfXml.childText(e, "error-severity"), NetconfXml.childText(e, "error-message"),
                    NetconfXml.child(e, "error-info").map(i -> NetconfXml.childText(i, "bad-element")).orElse("")));
        }
        // Junos XML-protocol errors (xnm:error / xnm:warning) sometimes appear instead of rpc-error.
        var xnmErrors = root.getElementsByTagNameNS(XNM_NS, "error");
        for (int i = 0; i < xnmErrors.getLength(); i++) {
            Element e = (Element) xnmErrors.item(i);
            found.add(new RpcError("", "", "error", NetconfXml.childText(e, "message"),
                    NetconfXml.childText(e, "statement")));
        }
        this.errors = List.copyOf(found);
    }

    public Element root() {
        return root;
    }

    public List<RpcError> errors() {
        return errors;
    }

    /** The first descendant element with this local name. */
    public Optional<Element> find(String localName) {
        List<Element> all = NetconfXml.descendants(root, localName);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Text of the first descendant with this local name, or empty. */
    public String text(String localName) {
        return find(localName).map(Element::getTextContent).orElse("");
    }

    /**
     * Fails unless the reply is clean: any error-severity {@code rpc-error}, or a warning the
     * allow-list does not cover, raises {@link RpcErrorException} (or {@link LockHeldException}).
     */
    RpcReply requireSuccess(String rpc, WarningAllowList allowed) {
        List<RpcError> fatal = errors.stream().filter(e -> !e.isWarning() || !allowed.allows(e)).toList();
        if (fatal.isEmpty()) {
            return this;
        }
        if (fatal.stream().anyMatch(LockHeldException::matches)) {
            throw new LockHeldException(rpc, fatal);
        }
        throw new RpcErrorException(rpc, fatal);
    }
}
