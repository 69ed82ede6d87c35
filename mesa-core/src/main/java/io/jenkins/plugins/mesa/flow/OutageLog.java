package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.guard.SiteDisconnect;
import java.time.Instant;
import java.util.List;

/**
 * The outage guard's memory: recent disconnects per site (the sliding window), and the disconnects
 * an outage stopped until their burst's single record is written. Thread-safe.
 */
public interface OutageLog {

    /** Records a disconnect; recording the same event id again does nothing. */
    void recordDisconnect(SiteDisconnect disconnect);

    /** The site's disconnects at or after {@code from}, oldest first. */
    List<SiteDisconnect> disconnects(String siteId, Instant from);

    /** Keeps a held disconnect; holding the same event id again replaces it. */
    void hold(HeldDisconnect held);

    /** All held disconnects, oldest {@code heldAt} first. */
    List<HeldDisconnect> held();

    /** Drops the held disconnect of this event id (after its burst's record was written). */
    void release(String eventId);

    /** Forgets disconnects (not held ones) before {@code cutoff}. */
    void forgetBefore(Instant cutoff);
}
