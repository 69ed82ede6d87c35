package io.jenkins.plugins.mesa.cli;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.MesaException;
import io.jenkins.plugins.mesa.config.MesaConfig;
import io.jenkins.plugins.mesa.config.SwitchConfig;
import io.jenkins.plugins.mesa.flow.FlowStores;
import io.jenkins.plugins.mesa.junos.JunosLldp;
import io.jenkins.plugins.mesa.junos.JunosSessions;
import io.jenkins.plugins.mesa.junos.NetconfTimeouts;
import io.jenkins.plugins.mesa.junos.WarningAllowList;
import io.jenkins.plugins.mesa.runtime.MesaRuntime;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code mesa check}: preflight of a configuration against the real systems, read-only. One line per check; exit 0
 * when all pass, 1 when any fails, 2 when the configuration itself is invalid.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Preflight: the configuration is valid, the Mist token works, each switch answers NETCONF with"
                + " its pinned host key, CSO accepts the login. Changes nothing.",
                "Exit codes: 0 all checks passed, 1 a check failed, 2 the configuration is invalid."})
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private int failures;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<MesaConfig> loaded = config.load(err);
        if (loaded.isEmpty()) {
            out.println("FAIL  config    " + config.file() + ": not valid (see above)");
            return MesaCommand.EXIT_CONFIG;
        }
        MesaConfig c = loaded.get();
        out.printf("ok    config    %s: valid (%d switch(es), default back-end %s, %d warning(s))%n", config.file(),
                c.switches().size(), c.backends().defaultBackend().id(), c.warnings().size());
        try (MesaRuntime runtime = MesaRuntime.create(c, FlowStores.inMemory(), Clock.systemUTC())) {
            check(out, "mist", c.mist().baseUrl() + " org " + c.mist().orgId(), () -> {
                MacAddress probe = c.switches().stream().flatMap(s -> s.mac().stream()).findFirst()
                        .orElse(MacAddress.parse("000000000000"));
                runtime.mist().switchByMac(c.mist().orgId(), probe);
                return "token accepted (org inventory readable)";
            });
            JunosSessions sessions = new JunosSessions(new NetconfTimeouts(c.junos().timeouts().connect(),
                    c.junos().timeouts().rpc(), c.junos().timeouts().commit()), Duration.ofSeconds(1),
                    c.junos().timeouts().connect(), true, WarningAllowList.of(
                    c.junos().allowedWarnings().toArray(String[]::new)));
            try {
                JunosLldp lldp = new JunosLldp(runtime.junosTargets(), sessions);
                for (SwitchConfig s : c.switches()) {
                    check(out, "switch", s.name() + " " + s.host().orElse(s.name()) + ":" + s.port(), () -> {
                        int n = lldp.neighbors(s.name()).size();
                        return "NETCONF over SSH, host key matches the pin, " + n + " LLDP neighbour(s)";
                    });
                }
            } finally {
                sessions.close();
            }
            runtime.cso().ifPresent(cso -> check(out, "cso", c.cso().orElseThrow().baseUrl() + " as "
                    + c.cso().orElseThrow().user(), () -> {
                        cso.login();
                        return "Keystone login accepted";
                    }));
        }
        out.println(failures == 0 ? "all checks passed" : failures + " check(s) failed");
        return failures == 0 ? 0 : 1;
    }

    /** One check: what it found, or why it failed (reason code and message, never a secret or a stack trace). */
    private interface Probe {
        String run();
    }

    private void check(PrintWriter out, String kind, String what, Probe probe) {
        String line;
        try {
            line = "ok    " + pad(kind) + what + ": " + probe.run();
        } catch (MesaException e) {
            failures++;
            line = "FAIL  " + pad(kind) + what + ": " + e.reason() + ": " + firstLine(e.getMessage());
        } catch (RuntimeException e) {
            failures++;
            line = "FAIL  " + pad(kind) + what + ": " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
        }
        out.println(line);
        out.flush();
    }

    private static String pad(String kind) {
        return String.format("%-10s", kind);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
