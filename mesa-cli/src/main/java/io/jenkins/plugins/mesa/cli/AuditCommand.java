package io.jenkins.plugins.mesa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jenkins.plugins.mesa.audit.AuditJson;
import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.cli.store.SqliteStore;
import io.jenkins.plugins.mesa.cli.store.StoreException;
import io.jenkins.plugins.mesa.config.DurationText;
import io.jenkins.plugins.mesa.config.StoreConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mesa audit}: the audit records in the store, oldest first. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Lists the audit records: what MESA did with each event, and why.")
public final class AuditCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--db", paramLabel = "JDBC-URL", defaultValue = StoreConfig.DEFAULT_JDBC_URL,
            description = "the store (default: ${DEFAULT-VALUE})")
    String db;

    @Option(names = "--since", paramLabel = "WHEN", defaultValue = "24h",
            description = "a duration back from now (90s, 1h, 2d) or an ISO instant (2026-11-29T01:00:00Z); default ${DEFAULT-VALUE}")
    String since;

    @Option(names = "--limit", defaultValue = "1000", description = "at most this many records (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "one JSON array of the full records")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant from;
        try {
            from = parseSince(since, clock.instant());
        } catch (IllegalArgumentException e) {
            err.println("mesa audit: --since " + e.getMessage());
            return MesaCommand.EXIT_CONFIG;
        }
        List<AuditRecord> records;
        try (SqliteStore store = new SqliteStore(db)) {
            records = store.audit().since(from, limit);
        } catch (StoreException e) {
            err.println("mesa audit: " + e.getMessage());
            return 1;
        }
        if (json) {
            ArrayNode array = JSON.createArrayNode();
            try {
                for (AuditRecord r : records) {
                    array.add(JSON.readTree(AuditJson.write(r)));
                }
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }
        if (records.isEmpty()) {
            out.println("no audit records since " + from);
        }
        for (AuditRecord r : records) {
            out.printf("%s  %-17s %-16s %-20s %s%n", r.decidedAt(), r.event().type(), r.event().apLabel(),
                    r.outcome().text() + (r.reason().isEmpty() ? "" : " (" + r.reason() + ")"), changes(r));
        }
        return 0;
    }

    private static String changes(AuditRecord r) {
        StringBuilder sb = new StringBuilder();
        r.changes().forEach(c -> sb.append(sb.length() == 0 ? "" : "; ").append(c.switchName()).append(' ')
                .append(c.port()).append(" -> ").append(c.profile()).append(" (").append(c.result().outcome()
                        .name().toLowerCase(java.util.Locale.ROOT)).append(')'));
        return sb.toString();
    }

    /** "90s", "1h", "2d" back from {@code now}, or an ISO-8601 instant. */
    static Instant parseSince(String text, Instant now) {
        String t = text.trim();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notAnInstant) {
            Duration d = DurationText.parse(t).orElseThrow(() -> new IllegalArgumentException(
                    "must be a duration such as 1h or an instant such as 2026-11-29T01:00:00Z"));
            return now.minus(d);
        }
    }
}
