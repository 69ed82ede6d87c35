package io.jenkins.plugins.mesa.change;

/** The stages of a port change across all back-ends; a result names the one that failed. */
public enum Stage {
    /** Reach the device or API (SSH connect + NETCONF hello, HTTP login). */
    CONNECT,
    /** Take the configuration lock. */
    LOCK,
    /** Find the objects the change touches (CSO device/profile/segments, Mist device config). */
    LOOKUP,
    /** Load the statements into the candidate / write the new port usage. */
    LOAD,
    /** Compute the difference between what is and what would be. */
    DIFF,
    /** Validate the candidate (commit check). */
    CHECK,
    /** Commit (confirmed on Junos) or deploy. */
    COMMIT,
    /** Poll an asynchronous job to completion. */
    POLL,
    /** Read back and compare with the requested profile. */
    VERIFY,
    /** Confirm a confirmed commit. */
    CONFIRM,
    /** Release the lock / session. */
    UNLOCK
}
