package io.jenkins.plugins.mesa.cli.lab;

import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.cli.RecordPrinter;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The lab's readable progress: each step, each webhook, and each audit record as event → decisions → diff → commit. */
final class Timeline {
    private final PrintWriter out;
    private final Instant start;
    private final RecordPrinter printer;

    Timeline(PrintWriter out, Instant start) {
        this.out = out;
        this.start = start;
        this.printer = new RecordPrinter(out);
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
        printer.print(offset(r.decidedAt()) + "  ", r);
    }

    String offset(Instant at) {
        Duration d = Duration.between(start, at);
        return String.format(Locale.ROOT, "+%5.1fs", d.toMillis() / 1000.0);
    }
}
