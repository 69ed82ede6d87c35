package io.jenkins.plugins.mesa.cli.store;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.flow.HeldDisconnect;
import io.jenkins.plugins.mesa.flow.OutageLog;
import io.jenkins.plugins.mesa.guard.SiteDisconnect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@link OutageLog} in tables {@code site_disconnect} (the sliding windows) and {@code held_disconnect}. */
final class SqlOutageLog implements OutageLog {
    private final Database db;

    SqlOutageLog(Database db) {
        this.db = db;
    }

    @Override
    public void recordDisconnect(SiteDisconnect d) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO site_disconnect (event_id, site_id, ap, went_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
                p.setString(1, d.eventId());
                p.setString(2, d.siteId());
                p.setString(3, d.ap().value());
                p.setString(4, InstantText.of(d.at()));
                return p.executeUpdate();
            }
        });
    }

    @Override
    public List<SiteDisconnect> disconnects(String siteId, Instant from) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT event_id, ap, went_at FROM site_disconnect"
                    + " WHERE site_id = ? AND went_at >= ? ORDER BY went_at, event_id")) {
                p.setString(1, siteId);
                p.setString(2, InstantText.of(from));
                List<SiteDisconnect> found = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String where = "site_disconnect row " + Printable.of(r.getString(1));
                        try {
                            found.add(new SiteDisconnect(siteId, new MacAddress(r.getString(2)), r.getString(1),
                                    InstantText.parse(r.getString(3), where)));
                        } catch (IllegalArgumentException e) {
                            throw new StoreCorruptException(where + ": " + e.getMessage(), e);
                        }
                    }
                }
                return List.copyOf(found);
            }
        });
    }

    @Override
    public void hold(HeldDisconnect h) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO held_disconnect (event_id, event_json,"
                    + " received_at, held_at, site_ap_total) VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO UPDATE"
                    + " SET event_json = excluded.event_json, received_at = excluded.received_at,"
                    + " held_at = excluded.held_at, site_ap_total = excluded.site_ap_total")) {
                p.setString(1, h.event().eventId());
                p.setString(2, EventJson.write(h.event()));
                p.setString(3, InstantText.of(h.receivedAt()));
                p.setString(4, InstantText.of(h.heldAt()));
                p.setInt(5, h.siteApTotal());
                return p.executeUpdate();
            }
        });
    }

    @Override
    public List<HeldDisconnect> held() {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT event_id, event_json, received_at, held_at,"
                    + " site_ap_total FROM held_disconnect ORDER BY held_at, event_id");
                 ResultSet r = p.executeQuery()) {
                List<HeldDisconnect> found = new ArrayList<>();
                while (r.next()) {
                    String where = "held_disconnect row " + Printable.of(r.getString(1));
                    found.add(new HeldDisconnect(EventJson.read(r.getString(2), where),
                            InstantText.parse(r.getString(3), where), InstantText.parse(r.getString(4), where),
                            r.getInt(5)));
                }
                return List.copyOf(found);
            }
        });
    }

    @Override
    public void release(String eventId) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM held_disconnect WHERE event_id = ?")) {
                p.setString(1, eventId);
                return p.executeUpdate();
            }
        });
    }

    @Override
    public void forgetBefore(Instant cutoff) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM site_disconnect WHERE went_at < ?")) {
                p.setString(1, InstantText.of(cutoff));
                return p.executeUpdate();
            }
        });
    }
}
