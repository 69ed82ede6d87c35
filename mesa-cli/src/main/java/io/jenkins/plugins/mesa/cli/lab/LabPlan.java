package io.jenkins.plugins.mesa.cli.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shape of a lab world: sites, switches (every third one Mist-managed), APs and ports. Ids are fixed so two
 * runs print the same timeline.
 *
 * @param sites    Mist sites (at least 1)
 * @param switches EX switches, spread over the sites round-robin; every third is Mist-managed
 * @param aps      APs, each planned for a switch round-robin
 */
public record LabPlan(int sites, int switches, int aps) {
    public static final String ORG_ID = "7a1b0c00-2026-4e5a-9000-00000000a000";

    /** One planned site. */
    public record Site(String id, String name) {
    }

    /** One planned switch. */
    public record Switch(String name, String mac, Site site, boolean mistManaged, List<String> ports) {
    }

    /** One planned AP and the switch it is first plugged into. */
    public record Ap(String name, String mac, Switch home) {
    }

    public LabPlan {
        if (sites < 1 || sites > 50) {
            throw new IllegalArgumentException("--sites must be 1..50");
        }
        if (switches < sites || switches > 200) {
            throw new IllegalArgumentException("--switches must be at least --sites (" + sites + ") and at most 200");
        }
        if (aps < 3 || aps > 2000) {
            throw new IllegalArgumentException("--aps must be 3..2000");
        }
    }

    public static LabPlan defaults() {
        return new LabPlan(2, 3, 12);
    }

    public List<Site> siteList() {
        List<Site> out = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            out.add(new Site(String.format(Locale.ROOT, "5e1e0000-2026-4e5a-9000-%012d", i + 1),
                    i == 0 ? "HQ" : "Branch-" + i));
        }
        return out;
    }

    /** Ports per switch: room for every AP planned on it, plus spares for moves. */
    public int portsPerSwitch() {
        return Math.max(8, Math.min(96, (aps + switches - 1) / switches + 4));
    }

    public List<Switch> switchList() {
        List<Site> s = siteList();
        List<Switch> out = new ArrayList<>();
        for (int i = 0; i < switches; i++) {
            Site site = s.get(i % sites);
            boolean managed = i % 3 == 2;
            String name = String.format(Locale.ROOT, "ex-%s-%d", site.name().toLowerCase(Locale.ROOT), i + 1);
            out.add(new Switch(name, String.format(Locale.ROOT, "5c4527a9%04x", i + 1), site, managed,
                    gePorts(portsPerSwitch())));
        }
        return out;
    }

    public List<Ap> apList() {
        List<Switch> sw = switchList();
        List<Ap> out = new ArrayList<>();
        for (int i = 0; i < aps; i++) {
            Switch home = sw.get(i % sw.size());
            out.add(new Ap(String.format(Locale.ROOT, "ap-%02d", i + 1), String.format(Locale.ROOT, "5c5b350e%04x", i + 1),
                    home));
        }
        return out;
    }

    private static List<String> gePorts(int n) {
        List<String> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            p.add("ge-0/0/" + i);
        }
        return p;
    }
}
