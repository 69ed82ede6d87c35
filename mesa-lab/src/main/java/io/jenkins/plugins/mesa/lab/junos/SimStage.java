package io.jenkins.plugins.mesa.lab.junos;

/** The RPC kinds the simulator tells apart for fault injection (drop before/after). */
public enum SimStage {
    /** lock-configuration or standard lock. */
    LOCK,
    /** load-configuration / edit-config. */
    LOAD,
    /** get-configuration compare="rollback" (the diff). */
    COMPARE,
    /** commit-configuration check / validate. */
    CHECK,
    /** commit-configuration confirmed. */
    COMMIT_CONFIRMED,
    /** get-configuration / get-config reading a configuration. */
    READ_CONFIG,
    /** Plain commit-configuration / commit (confirms a pending confirmed commit). */
    COMMIT,
    /** discard-changes or load-configuration rollback="0". */
    DISCARD,
    /** unlock-configuration or standard unlock. */
    UNLOCK,
    /** get-lldp-neighbors-information. */
    LLDP,
    /** close-session. */
    CLOSE
}
