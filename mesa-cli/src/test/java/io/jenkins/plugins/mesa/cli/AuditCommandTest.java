package io.jenkins.plugins.mesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.EventSummary;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.cli.store.SqliteStore;
import io.jenkins.plugins.mesa.guard.Decision;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    private static final Instant T = Instant.parse("2026-11-29T01:00:00Z");

    private static AuditRecord record(String id, String ap, Outcome outcome, Instant at) {
        EventSummary e = new EventSummary(id, "AP_DISCONNECTED", ap, "ap-" + id, "org", "site", "HQ", at, at);
        return new AuditRecord(id, e, List.of(), List.of(Decision.stop("lldp", Decision.figures("source", "mist"),
                "the AP is still on LLDP")), List.of(), outcome, "ap-still-on-lldp", at);
    }

    private static String db(Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("mesa.db");
        try (SqliteStore store = new SqliteStore(url)) {
            store.audit().append(record("old", "5c5b350e0001", Outcome.SKIPPED_LLDP, T.minusSeconds(7200)));
            store.audit().append(record("new", "5c5b350e0002", Outcome.SKIPPED_LLDP, T));
        }
        return url;
    }

    @Test
    void jsonOutputIsOneArrayOfFullRecordsThatParses(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("audit", "--db", db(dir), "--since", "2026-11-29T00:00:00Z", "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode array = new ObjectMapper().readTree(r.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(1);
        assertThat(array.get(0).path("id").asText()).isEqualTo("new");
        assertThat(array.get(0).path("outcome").asText()).isEqualTo("SKIPPED_LLDP");
        assertThat(array.get(0).path("decisions").get(0).path("guard").asText()).isEqualTo("lldp");
    }

    @Test
    void textOutputListsOneLinePerRecordOldestFirst(@TempDir Path dir) {
        Cli r = Cli.run("audit", "--db", db(dir), "--since", "2026-11-28T00:00:00Z");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.out().lines().findFirst().orElseThrow()).contains("ap-old").contains("skipped: AP still on LLDP");
    }

    @Test
    void sinceTakesADurationBackFromNowOrAnInstant() {
        assertThat(AuditCommand.parseSince("1h", T)).isEqualTo(T.minusSeconds(3600));
        assertThat(AuditCommand.parseSince("2026-11-28T00:00:00Z", T)).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    }

    @Test
    void aBadSinceIsAUsageError(@TempDir Path dir) {
        Cli r = Cli.run("audit", "--db", db(dir), "--since", "yesterday");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--since");
    }
}
