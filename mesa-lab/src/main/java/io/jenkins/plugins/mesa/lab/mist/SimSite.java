package io.jenkins.plugins.mesa.lab.mist;

import java.time.Instant;

/** A Mist site in the simulated world. Guarded by the world's lock. */
final class SimSite {
    final String orgId;
    final String id;
    final String name;
    final Instant created;

    SimSite(String orgId, String id, String name, Instant created) {
        this.orgId = orgId;
        this.id = id;
        this.name = name;
        this.created = created;
    }
}
