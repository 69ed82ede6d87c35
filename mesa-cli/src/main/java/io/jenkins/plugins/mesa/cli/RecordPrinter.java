package io.jenkins.plugins.mesa.cli;

import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.PortChange;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.guard.Decision;
import java.io.PrintWriter;
import java.util.Locale;

/** One audit record as readable lines: event → each decision → each change with its diff → commit. */
public final class RecordPrinter {
    private final PrintWriter out;

    public RecordPrinter(PrintWriter out) {
        this.out = out;
    }

    /** @param prefix printed before the headline (e.g. a time offset) */
    public void print(String prefix, AuditRecord r) {
        out.printf(Locale.ROOT, "   %s%s of %s at %s => %s%s%n", prefix, r.event().type(), r.event().apLabel(),
                r.event().siteLabel(), r.outcome().text().toUpperCase(Locale.ROOT),
                r.reason().isEmpty() ? "" : " (" + r.reason() + ")");
        if (!r.coalesced().isEmpty()) {
            out.printf("            one record for %d disconnects of the same burst%n", r.coalesced().size() + 1);
        }
        for (Decision d : r.decisions()) {
            out.printf("            %-6s %-14s %s%n", mark(d), d.guard(), d.explanation());
        }
        for (PortChange c : r.changes()) {
            ChangeResult res = c.result();
            out.printf("            change %s %s -> %s via %s: %s%n", c.switchName(), c.port(), c.profile(), c.backend(),
                    res.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            res.diff().lines().filter(l -> !l.isBlank()).limit(40).forEach(l -> out.println("              | " + l));
            if (res.changed()) {
                out.printf("            commit %s%s%n", res.remoteRef().isEmpty() ? "done" : res.remoteRef(),
                        res.timings().isEmpty() ? "" : " (" + res.total().toMillis() + " ms)");
            } else if (res.failed()) {
                out.printf("            FAILED at %s, switch left %s: %s%n", res.failedStage(), res.leftIn(),
                        res.message());
            }
        }
        out.flush();
    }

    private static String mark(Decision d) {
        return switch (d.verdict()) {
            case PROCEED -> "[ok]";
            case WAIT -> "[wait]";
            case STOP -> "[stop]";
        };
    }
}
