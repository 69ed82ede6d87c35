package io.jenkins.plugins.mesa.cli.store;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.flow.PortAssignment;
import io.jenkins.plugins.mesa.flow.PortRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link PortRegistry} in table {@code port_assignment}, one row per AP. */
final class SqlPortRegistry implements PortRegistry {
    private static final String COLUMNS = "ap, ap_name, site_id, switch_name, switch_mac, port, profile, assigned_at";

    private final Database db;

    SqlPortRegistry(Database db) {
        this.db = db;
    }

    @Override
    public Optional<PortAssignment> find(MacAddress ap) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM port_assignment WHERE ap = ?")) {
                p.setString(1, ap.value());
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(row(r)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<PortAssignment> atPort(String switchName, InterfaceName port) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM port_assignment WHERE switch_name = ? AND port = ? ORDER BY ap")) {
                p.setString(1, switchName);
                p.setString(2, port.value());
                List<PortAssignment> found = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        found.add(row(r));
                    }
                }
                return List.copyOf(found);
            }
        });
    }

    @Override
    public void put(PortAssignment a) {
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO port_assignment (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ap) DO UPDATE SET ap_name = excluded.ap_name,"
                    + " site_id = excluded.site_id, switch_name = excluded.switch_name,"
                    + " switch_mac = excluded.switch_mac, port = excluded.port, profile = excluded.profile,"
                    + " assigned_at = excluded.assigned_at")) {
                p.setString(1, a.ap().value());
                p.setString(2, a.apName());
                p.setString(3, a.siteId());
                p.setString(4, a.port().switchName());
                p.setString(5, a.port().switchMac() == null ? null : a.port().switchMac().value());
                p.setString(6, a.port().port().value());
                p.setString(7, a.profile());
                p.setString(8, InstantText.of(a.at()));
                return p.executeUpdate();
            }
        });
    }

    private static PortAssignment row(ResultSet r) throws SQLException {
        String ap = r.getString(1);
        String where = "port_assignment row of AP " + Printable.of(ap);
        try {
            String switchMac = r.getString(5);
            SwitchPort port = new SwitchPort(r.getString(4), switchMac == null ? null : new MacAddress(switchMac),
                    new InterfaceName(r.getString(6)));
            return new PortAssignment(new MacAddress(ap), r.getString(2), r.getString(3), port, r.getString(7),
                    InstantText.parse(r.getString(8), where));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreCorruptException(where + ": " + e.getMessage(), e);
        }
    }
}
