package io.jenkins.plugins.mesa.lab.junos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/** One NETCONF session on the simulated switch: hello, then RPCs until close or loss. */
final class NetconfSubsystem implements Command, Runnable {
    private static final String BASE_NS = "urn:ietf:params:xml:ns:netconf:base:1.0";
    private static final String BASE10 = "urn:ietf:params:netconf:base:1.0";
    private static final String BASE11 = "urn:ietf:params:netconf:base:1.1";
    private static final String JUNOS_NS = "http://xml.juniper.net/junos/23.4R2/junos";

    private final JunosSimulator sim;
    private final int sessionId;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private ChannelSession channel;
    private volatile String user = "unknown";
    private volatile String since = "";
    private volatile boolean ended;
    private boolean chunked;

    NetconfSubsystem(JunosSimulator sim, int sessionId) {
        this.sim = sim;
        this.sessionId = sessionId;
    }

    int sessionId() {
        return sessionId;
    }

    String holderText() {
        return "  " + user + " terminal p" + (sessionId % 10) + " (pid " + sessionId + ") on since " + since
                + "\n      exclusive [edit]";
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // NETCONF uses stdout only.
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        this.channel = channel;
        this.user = channel.getSession().getUsername();
        this.since = sim.since();
        sim.sessionOpened(this);
        Thread t = new Thread(this, "junos-sim-" + sim.hostname() + "-" + sessionId);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void destroy(ChannelSession channel) {
        end();
    }

    private void end() {
        if (!ended) {
            ended = true;
            sim.sessionEnded(this);
        }
    }

    /** Drops the whole SSH connection without a reply, as a crashed link or box would. */
    void disconnect() {
        drop();
    }

    private void drop() {
        end();
        channel.getSession().close(true);
    }

    @Override
    public void run() {
        try {
            sendHello();
            byte[] clientHello = SimFraming.read(in, false);
            if (clientHello == null) {
                return;
            }
            Document hello = SimXml.parse(clientHello);
            boolean clientBase11 = hello.getDocumentElement().getTextContent().contains(BASE11);
            chunked = sim.offersBase11() && clientBase11;
            while (!ended) {
                byte[] msg = SimFraming.read(in, chunked);
                if (msg == null) {
                    break;
                }
                if (!handle(msg)) {
                    break;
                }
            }
        } catch (Exception e) {
            // A lost or malformed session ends like a dropped SSH connection on Junos.
        } finally {
            end();
            if (exit != null) {
                exit.onExit(0);
            }
        }
    }

    private void sendHello() throws IOException {
        String caps = "<capability>" + BASE10 + "</capability>"
                + (sim.offersBase11() ? "<capability>" + BASE11 + "</capability>" : "")
                + "<capability>urn:ietf:params:netconf:capability:candidate:1.0</capability>"
                + "<capability>urn:ietf:params:netconf:capability:confirmed-commit:1.0</capability>"
                + "<capability>urn:ietf:params:netconf:capability:validate:1.0</capability>"
                + "<capability>http://xml.juniper.net/netconf/junos/1.0</capability>"
                + "<capability>http://xml.juniper.net/dmi/system/1.0</capability>";
        String hello = "<!-- No zombies were killed during the creation of this user interface -->\n"
                + "<!-- user " + SimXml.escape(user) + ", class j-super-user -->\n"
                + "<hello xmlns=\"" + BASE_NS + "\"><capabilities>" + caps + "</capabilities>"
                + "<session-id>" + sessionId + "</session-id></hello>";
        SimFraming.write(out, hello.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Handles one message; false ends the session. */
    private boolean handle(byte[] msg) throws IOException {
        Document doc;
        try {
            doc = SimXml.parse(msg);
        } catch (Exception e) {
            send(null, error("protocol", "malformed-message", "xml parse error"));
            return true;
        }
        Element rpc = doc.getDocumentElement();
        if (!"rpc".equals(rpc.getLocalName())) {
            send(null, error("protocol", "unknown-element", "expected <rpc>"));
            return true;
        }
        List<Element> ops = SimXml.children(rpc);
        if (ops.isEmpty()) {
            send(rpc, error("protocol", "missing-element", "syntax error, expecting <rpc-operation>"));
            return true;
        }
        Element op = ops.get(0);
        Optional<SimStage> stage = classify(op);
        if (stage.isPresent() && sim.faults().dropsBefore(stage.get())) {
            drop();
            return false;
        }
        String body = execute(op);
        if (stage.isPresent() && sim.faults().dropsAfter(stage.get())) {
            drop();
            return false;
        }
        send(rpc, body);
        return !"close-session".equals(op.getLocalName());
    }

    private static Optional<SimStage> classify(Element op) {
        String name = op.getLocalName();
        return Optional.ofNullable(switch (name) {
            case "lock-configuration", "lock" -> SimStage.LOCK;
            case "unlock-configuration", "unlock" -> SimStage.UNLOCK;
            case "load-configuration" -> "0".equals(op.getAttribute("rollback")) ? SimStage.DISCARD : SimStage.LOAD;
            case "edit-config" -> SimStage.LOAD;
            case "discard-changes" -> SimStage.DISCARD;
            case "get-configuration" -> "rollback".equals(op.getAttribute("compare")) ? SimStage.COMPARE : SimStage.READ_CONFIG;
            case "get-config" -> SimStage.READ_CONFIG;
            case "validate" -> SimStage.CHECK;
            case "commit-configuration", "commit" -> SimXml.child(op, "check").isPresent() ? SimStage.CHECK
                    : SimXml.child(op, "confirmed").isPresent() ? SimStage.COMMIT_CONFIRMED : SimStage.COMMIT;
            case "get-lldp-neighbors-information" -> SimStage.LLDP;
            case "close-session" -> SimStage.CLOSE;
            default -> null;
        });
    }

    private String execute(Element op) {
        String name = op.getLocalName();
        return switch (name) {
            case "lock-configuration", "lock" -> okOrError(sim.lock(this));
            case "unlock-configuration", "unlock" -> okOrError(sim.unlock(this));
            case "discard-changes" -> okOrError(sim.discard(this));
            case "load-configuration" -> load(op);
            case "get-configuration" -> getConfiguration(op);
            case "validate" -> okOrError(sim.check(this));
            case "commit-configuration" -> commitConfiguration(op);
            case "commit" -> standardCommit(op);
            case "get-lldp-neighbors-information" -> lldp();
            case "close-session" -> "<ok/>";
            default -> error("protocol", "operation-not-supported", "syntax error", "<bad-element>" + SimXml.escape(name) + "</bad-element>");
        };
    }

    private String load(Element op) {
        if ("0".equals(op.getAttribute("rollback"))) {
            JunosSimulator.Outcome o = sim.discard(this);
            return o.ok() ? "<load-configuration-results><load-success/></load-configuration-results>" : errorOf(o);
        }
        String action = op.getAttribute("action");
        Optional<Element> setBody = SimXml.child(op, "configuration-set");
        if (!"set".equals(action) || setBody.isEmpty()) {
            return error("protocol", "operation-not-supported",
                    "simulator supports only load-configuration action=\"set\" with <configuration-set>");
        }
        JunosSimulator.Outcome o = sim.load(this, setBody.get().getTextContent());
        if (!o.ok() && o.lines().isEmpty()) {
            return errorOf(o);
        }
        StringBuilder sb = new StringBuilder("<load-configuration-results>");
        long errors = 0;
        for (SetConfig.LineResult r : o.lines()) {
            if (r.isError()) {
                errors++;
            }
            sb.append("<rpc-error><error-type>protocol</error-type><error-tag>")
                    .append(r.isError() ? "invalid-value" : "data-missing")
                    .append("</error-tag><error-severity>").append(r.severity()).append("</error-severity>")
                    .append("<error-message>").append(SimXml.escape(r.message())).append("</error-message>")
                    .append("<error-info><bad-element>").append(SimXml.escape(r.line())).append("</bad-element></error-info>")
                    .append("</rpc-error>");
        }
        sb.append(errors == 0 ? "<load-success/>" : "<load-error-count>" + errors + "</load-error-count>");
        return sb.append("</load-configuration-results>").toString();
    }

    private String getConfiguration(Element op) {
        if ("rollback".equals(op.getAttribute("compare"))) {
            if (!"0".equals(op.getAttribute("rollback"))) {
                return error("protocol", "operation-not-supported", "simulator compares with rollback 0 only");
            }
            String diff = sim.compareRollback0().text();
            return "<configuration-information><configuration-output>" + SimXml.escape(diff)
                    + "</configuration-output></configuration-information>";
        }
        boolean committed = "committed".equals(op.getAttribute("database"));
        String format = op.getAttribute("format");
        String prefix = SimXml.child(op, "configuration")
                .flatMap(c -> SimXml.child(c, "interfaces"))
                .flatMap(i -> SimXml.child(i, "interface"))
                .flatMap(i -> SimXml.childText(i, "name"))
                .map(n -> "interfaces " + n).orElse(null);
        if ("set".equals(format)) {
            String text = sim.read(committed, "set", prefix).text();
            return "<configuration-set>" + SimXml.escape(text) + "</configuration-set>";
        }
        if ("text".equals(format)) {
            String text = sim.read(committed, "text", prefix).text();
            return "<configuration-text>" + SimXml.escape(text) + "</configuration-text>";
        }
        return error("protocol", "operation-not-supported", "simulator returns configuration in set or text format only");
    }

    private String commitConfiguration(Element op) {
        if (SimXml.child(op, "check").isPresent()) {
            JunosSimulator.Outcome o = sim.check(this);
            return o.ok()
                    ? "<commit-results><routing-engine junos:style=\"normal\"><name>re0</name><commit-check-success/></routing-engine></commit-results>"
                    : "<commit-results>" + rpcError("application", o.tag(), o.message(), "") + "</commit-results>";
        }
        Duration timeout = null;
        if (SimXml.child(op, "confirmed").isPresent()) {
            long minutes = SimXml.childText(op, "confirm-timeout").map(Long::parseLong).orElse(10L);
            if (minutes < 1 || minutes > 65535) {
                return error("application", "invalid-value", "confirm-timeout must be 1..65535 minutes");
            }
            timeout = Duration.ofMinutes(minutes);
        }
        String log = SimXml.childText(op, "log").orElse("");
        JunosSimulator.Outcome o = sim.commit(this, user, log, timeout);
        if (!o.ok()) {
            return "<commit-results>" + rpcError("application", o.tag(), o.message(), "") + "</commit-results>";
        }
        Optional<String> warningText = timeout == null
                ? sim.faults().commitWarning().or(() -> sim.faults().confirmWarning())
                : sim.faults().commitWarning();
        String warning = warningText.map(w -> "<rpc-error><error-type>application</error-type>"
                + "<error-tag>invalid-value</error-tag><error-severity>warning</error-severity><error-message>\n"
                + SimXml.escape(w) + "\n</error-message></rpc-error>").orElse("");
        return "<commit-results>" + warning
                + "<routing-engine junos:style=\"normal\"><name>re0</name><commit-success/></routing-engine>"
                + (o.text().isEmpty() ? "" : "<output>" + SimXml.escape(o.text()) + "</output>")
                + "</commit-results>";
    }

    private String standardCommit(Element op) {
        Duration timeout = null;
        if (SimXml.child(op, "confirmed").isPresent()) {
            timeout = Duration.ofSeconds(SimXml.childText(op, "confirm-timeout").map(Long::parseLong).orElse(600L));
        }
        return okOrError(sim.commit(this, user, "", timeout));
    }

    private String lldp() {
        StringBuilder sb = new StringBuilder("<lldp-neighbors-information junos:style=\"brief\">");
        for (LldpNeighbor n : sim.lldpNeighbors()) {
            sb.append("<lldp-neighbor-information>")
                    .append("<lldp-local-port-id>").append(SimXml.escape(n.localPort())).append("</lldp-local-port-id>")
                    .append("<lldp-local-parent-interface-name>-</lldp-local-parent-interface-name>")
                    .append("<lldp-remote-chassis-id-subtype>Mac address</lldp-remote-chassis-id-subtype>")
                    .append("<lldp-remote-chassis-id>").append(SimXml.escape(n.chassisId())).append("</lldp-remote-chassis-id>")
                    .append("<lldp-remote-port-id>").append(SimXml.escape(n.portId())).append("</lldp-remote-port-id>")
                    .append("<lldp-remote-system-name>").append(SimXml.escape(n.systemName())).append("</lldp-remote-system-name>")
                    .append("</lldp-neighbor-information>");
        }
        return sb.append("</lldp-neighbors-information>").toString();
    }

    private static String okOrError(JunosSimulator.Outcome o) {
        return o.ok() ? "<ok/>" : errorOf(o);
    }

    private static String errorOf(JunosSimulator.Outcome o) {
        return rpcError("protocol", o.tag(), o.message(), "");
    }

    private static String error(String type, String tag, String message) {
        return rpcError(type, tag, message, "");
    }

    private static String error(String type, String tag, String message, String info) {
        return rpcError(type, tag, message, info);
    }

    private static String rpcError(String type, String tag, String message, String info) {
        return "<rpc-error><error-type>" + type + "</error-type><error-tag>" + tag + "</error-tag>"
                + "<error-severity>error</error-severity>"
                + "<error-message>\n" + SimXml.escape(message) + "\n</error-message>"
                + (info.isEmpty() ? "" : "<error-info>" + info + "</error-info>")
                + "</rpc-error>";
    }

    private void send(Element rpc, String body) throws IOException {
        StringBuilder attrs = new StringBuilder();
        if (rpc != null) {
            NamedNodeMap map = rpc.getAttributes();
            for (int i = 0; i < map.getLength(); i++) {
                Attr a = (Attr) map.item(i);
                if (a.getName().startsWith("xmlns")) {
                    continue;
                }
                String value = "message-id".equals(a.getName()) && sim.faults().wrongMessageId() ? "9" + a.getValue() : a.getValue();
                attrs.append(' ').append(a.getName()).append("=\"").append(SimXml.escape(value)).append('"');
            }
        }
        String reply = "<rpc-reply xmlns=\"" + BASE_NS + "\" xmlns:junos=\"" + JUNOS_NS + "\"" + attrs + ">\n"
                + body + "\n</rpc-reply>";
        synchronized (this) {
            SimFraming.write(out, reply.getBytes(StandardCharsets.UTF_8), chunked);
        }
    }
}
