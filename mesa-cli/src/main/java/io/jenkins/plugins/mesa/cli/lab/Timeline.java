package io.jenkins.plugins.mesa.cli.lab;

import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.PortChange;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.guard.Decision;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The lab's readable progress: each step, each webhook, and each audit record as event → decisions → diff → commit. */
final class Timeline {
    private final PrintWriter out;
    private final Instant start;

    Timeline(PrintWriter out, Instant start) {
        this.out = out;
        this.start = start;
    }

    void step(String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }

    void note(String text) {
        out.println("   " + text);
        out.flush();
    }

    void record(AuditRecord r) {
        out.printf(Locale.ROOT, "   %s  %s of %s at %s => %s%s%n", offset(r.decidedAt()), r.event().type(),
                r.event().apLabel(), r.event().siteLabel(), r.outcome().text().toUpperCase(Locale.ROOT),
                r.reason().isEmpty() ? "" : " (" + r.reason() + ")");
        if (!r.coalesced().isEmpty()) {
            out.printf("            one record for %d disconnects of the same burst%n", r.coalesced().size() + 1);
        }
        for (Decision d : r.decisions()) {
            out.printf("            %-5s %-14s %s%n", mark(d), d.guard(), d.explanation());
        }
        for (PortChange c : r.changes()) {
            ChangeResult res = c.result();
            out.printf("            change %s %s -> %s via %s: %s%n", c.switchName(), c.port(), c.profile(), c.backend(),
                    res.outcome().name().toLowerCase(Locale.ROOT));
            res.diff().lines().filter(l -> !l.isBlank()).limit(20)
                    .forEach(l -> out.println("              | " + l));
            if (res.changed()) {
                out.printf("            commit %s%s%n", res.remoteRef().isEmpty() ? "done" : res.remoteRef(),
                        res.timings().isEmpty() ? "" : " (" + res.total().toMillis() + " ms)");
            } else if (res.failed()) {
                out.printf("            FAILED at %s, switch left %s: %s%n", res.failedStage(), res.leftIn(), res.message());
            }
        }
        out.flush();
    }

    String offset(Instant at) {
        Duration d = Duration.between(start, at);
        return String.format(Locale.ROOT, "+%5.1fs", d.toMillis() / 1000.0);
    }

    private static String mark(Decision d) {
        return switch (d.verdict()) {
            case PROCEED -> "[ok]";
            case WAIT -> "[..]";
            case STOP -> "[stop]";
        };
    }
}
