package io.jenkins.plugins.mesa.lab.mist;

import java.time.Instant;

/**
 * A small org for the tests: site A with an unmanaged switch (8 ports) and a Mist-managed one, site B with one
 * switch, three APs at A and one at B, nothing plugged in yet.
 */
final class LabFixture {
    static final String TOKEN = "test-token-0123456789abcdef";
    static final String ORG = "a97c1b22-a4e9-411e-9bfd-d8695a0f9e61";
    static final String SITE_A = "441a1214-6928-442a-8e92-e1d34b8ec6a6";
    static final String SITE_B = "978c48e6-6ef6-11e6-8bbf-02e208b2d34f";
    static final String SW_A1 = "5c4527a96580";
    static final String SW_A2 = "5c4527a96600";
    static final String SW_B1 = "5c4527a97700";
    static final String AP_1 = "5c5b350e0001";
    static final String AP_2 = "5c5b350e0002";
    static final String AP_3 = "5c5b350e0003";
    static final String AP_B = "5c5b350e00b1";
    static final Instant START = Instant.parse("2026-11-29T01:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final MistWorld world = new MistWorld(clock);

    LabFixture() {
        world.addSite(ORG, SITE_A, "HQ")
                .addSite(ORG, SITE_B, "Branch")
                .addSwitch(SwitchSpec.of(SITE_A, SW_A1, "sw-a1", "10.0.0.11", 8))
                .addSwitch(SwitchSpec.of(SITE_A, SW_A2, "sw-a2", "10.0.0.12", 4).withManaged(true))
                .addSwitch(SwitchSpec.of(SITE_B, SW_B1, "sw-b1", "10.1.0.11", 4))
                .addAp(ApSpec.of(SITE_A, AP_1, "ap-lobby"))
                .addAp(ApSpec.of(SITE_A, AP_2, "ap-office"))
                .addAp(ApSpec.of(SITE_A, AP_3, "ap-lab"))
                .addAp(ApSpec.of(SITE_B, AP_B, "ap-branch"));
    }

    static String deviceId(String mac) {
        return "00000000-0000-0000-1000-" + mac;
    }
}
