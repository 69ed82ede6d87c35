package io.jenkins.plugins.mesa.audit;

import io.jenkins.plugins.mesa.guard.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What MESA did with one event, and why: the event, every decision with its figures, the port
 * changes with their results, and the final outcome. Serialisable with jackson ({@link AuditJson});
 * holds no secrets (the flow never sees any).
 *
 * @param id         stable id (event key and receive time): a store keeps the first record per id, so a
 *                   step redone after a crash does not overwrite what was recorded
 * @param event      the event the record is about (for a coalesced outage record, the burst's first held event)
 * @param coalesced  further events this record stands for (the other disconnects of an outage burst)
 * @param decisions  each stage's decision, in the order taken
 * @param changes    port changes asked for, in order (two when an AP moved ports)
 * @param outcome    how it ended
 * @param reason     short code for skipped/failed/cancelled/duplicate outcomes ({@code no-uplink},
 *                   {@code change-failed}, …); empty for changed/unchanged without remark
 * @param decidedAt  when the outcome was reached
 */
public record AuditRecord(String id, EventSummary event, List<EventSummary> coalesced, List<Decision> decisions,
                          List<PortChange> changes, Outcome outcome, String reason, Instant decidedAt) {

    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decidedAt, "decidedAt");
        coalesced = List.copyOf(coalesced == null ? List.of() : coalesced);
        decisions = List.copyOf(decisions == null ? List.of() : decisions);
        changes = List.copyOf(changes == null ? List.of() : changes);
        reason = reason == null ? "" : reason;
    }

    /** One readable paragraph: what arrived, each decision, each change, the outcome. */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        sb.append(event.type()).append(" of AP ").append(event.apLabel()).append(" at site ").append(event.siteLabel())
                .append(" at ").append(event.time()).append(" (event ").append(event.eventId()).append(')');
        if (!coalesced.isEmpty()) {
            sb.append(" and ").append(coalesced.size()).append(coalesced.size() == 1 ? " more disconnect" : " more disconnects")
                    .append(" of the same burst (");
            for (int i = 0; i < coalesced.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(coalesced.get(i).apLabel());
            }
            sb.append(')');
        }
        sb.append(". ");
        for (Decision d : decisions) {
            sb.append(title(d.guard())).append(": ").append(d.explanation()).append(". ");
        }
        for (PortChange c : changes) {
            sb.append(c.describe()).append(' ');
        }
        sb.append("Outcome: ").append(outcome.text());
        if (!reason.isEmpty()) {
            sb.append(" (").append(reason).append(')');
        }
        return sb.append('.').toString();
    }

    private static String title(String guard) {
        if (guard.equals("lldp")) {
            return "LLDP";
        }
        return guard.isEmpty() ? guard : Character.toUpperCase(guard.charAt(0)) + guard.substring(1);
    }
}
