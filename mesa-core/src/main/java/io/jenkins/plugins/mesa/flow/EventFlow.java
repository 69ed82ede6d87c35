package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.MesaException;
import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.EventSummary;
import io.jenkins.plugins.mesa.audit.Notifier;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.audit.PortChange;
import io.jenkins.plugins.mesa.change.ChangeRequest;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.change.SwitchState;
import io.jenkins.plugins.mesa.guard.Decision;
import io.jenkins.plugins.mesa.guard.Dedup;
import io.jenkins.plugins.mesa.guard.Durations;
import io.jenkins.plugins.mesa.guard.HoldDown;
import io.jenkins.plugins.mesa.guard.LldpGuard;
import io.jenkins.plugins.mesa.guard.OutageGuard;
import io.jenkins.plugins.mesa.guard.PortReading;
import io.jenkins.plugins.mesa.guard.SiteDisconnect;
import io.jenkins.plugins.mesa.mist.ApEvent;
import io.jenkins.plugins.mesa.mist.ApUplink;
import io.jenkins.plugins.mesa.mist.MistLookups;
import io.jenkins.plugins.mesa.mist.SiteApCounts;
import io.jenkins.plugins.mesa.mist.SwitchInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What MESA does with an AP event, top to bottom. Two entry points, no threads, no sleeps:
 * <ol>
 *   <li>{@link #accept(ApEvent)} is called for every webhook event. It only does bookkeeping (dedup, the
 *       AP's pending item, the site's disconnect window) and never talks to Mist or a switch, so a webhook
 *       handler can call it and answer at once.</li>
 *   <li>{@link #runDue()} is called by the host's scheduler (at {@link #nextDue()}, or every second). It
 *       acts on every pending item that has fallen due and writes one audit record per outcome.</li>
 * </ol>
 * The paths:
 * <pre>
 *   AP_DISCONNECTED → dedup → hold-down (pending) → site outage → port (registry first, Mist second)
 *                   → port still this AP's? → LLDP (switch side) → back-end → secured profile
 *   AP_CONNECTED    → dedup → cancels a pending revert → lookup delay (pending) → Mist uplink
 *                   → moved? secure the old port → back-end → AP profile
 *   AP_RESTARTED    → as AP_CONNECTED, but nothing is changed when the AP is on its registered port
 *                     and that port already has the AP profile
 * </pre>
 * All disconnects an outage stopped during one burst are written as one record when the burst is over
 * (see {@link OutageGuard} for the definitions). A step that failed transiently (Mist unreachable, switch
 * unreachable or locked with nothing touched, no LLDP data for a fresh AP yet) is tried again, with doubling
 * backoff, up to {@link FlowSettings#retries()} times; only the last attempt writes a record. Calls are serialised ({@code synchronized}); hosts run
 * {@code runDue} on one worker so that a slow change does not hold up {@code accept} for long.
 */
public final class EventFlow {
    private static final Logger LOG = LoggerFactory.getLogger(EventFlow.class);
    private static final String LOOKUP_DELAY = "lookup-delay";
    private static final String UPLINK = "uplink";
    private static final String REGISTRY = "port-registry";
    private static final String OWNER = "port-owner";
    private static final String ORDER = "event-order";
    private static final String ERROR = "error";
    private static final String RETRY = "retry";
    /** Stages whose failure leaves the switch untouched and may pass by itself. */
    private static final Set<Stage> EARLY_STAGES = EnumSet.of(Stage.CONNECT, Stage.LOCK, Stage.LOOKUP);
    /** Disconnects are kept at least this long for the outage windows. */
    private static final Duration MIN_OUTAGE_MEMORY = Duration.ofHours(1);

    private final FlowSettings settings;
    private final MistLookups mist;
    private final BackendSelector backends;
    private final SwitchPortReader switchSide;
    private final FlowStores stores;
    private final Notifier notifier;
    private final Clock clock;

    private final Dedup dedup;
    private final HoldDown holdDown;
    private final OutageGuard outageGuard;
    private final LldpGuard lldpGuard;

    /**
     * @param switchSide the live switch-side port reader (NETCONF LLDP), or {@link SwitchPortReader#NONE}
     */
    public EventFlow(FlowSettings settings, MistLookups mist, BackendSelector backends, SwitchPortReader switchSide,
                     FlowStores stores, Notifier notifier, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mist = Objects.requireNonNull(mist, "mist");
        this.backends = Objects.requireNonNull(backends, "backends");
        this.switchSide = Objects.requireNonNull(switchSide, "switchSide");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dedup = new Dedup(settings.dedupWindow());
        this.holdDown = new HoldDown(settings.holdDown());
        this.outageGuard = new OutageGuard(settings.outage());
        this.lldpGuard = new LldpGuard(settings.lldpWhenUnknown());
    }

    // ------------------------------------------------------------------ 1. intake

    /** Takes one webhook event: drops duplicates, cancels what the event makes obsolete, queues the rest. */
    public synchronized Disposition accept(ApEvent event) {
        Instant now = clock.instant();
        String key = Dedup.key(event);
        Decision first = dedup.check(event, stores.dedup().firstSeen(key), now);
        if (first.stops()) {
            AuditTrail trail = new AuditTrail(event, now);
            trail.add(first);
            return new Disposition(Disposition.Status.DUPLICATE, null,
                    List.of(write(trail.finish(Outcome.DUPLICATE, "duplicate-delivery", now))));
        }

        List<AuditRecord> written = new ArrayList<>();
        Optional<PendingEvent> pending = stores.pending().forAp(event.ap());
        if (pending.isPresent()) {
            PendingEvent p = pending.get();
            if (p.isRevert() == isDisconnect(event)) {
                // Same direction (gone again / back again): the pending item already covers it.
                stores.dedup().remember(key, now);
                return new Disposition(Disposition.Status.JOINED, p.dueAt(), List.of(write(joined(event, now, p))));
            }
            if (event.timestamp().isBefore(p.event().timestamp())) {
                stores.dedup().remember(key, now);
                return new Disposition(Disposition.Status.STALE, null, List.of(write(stale(event, now, p))));
            }
            written.add(write(cancelled(p, event, now)));
            stores.pending().remove(p);
        }

        PendingEvent queued;
        if (isDisconnect(event)) {
            Instant away = HoldDown.wentAway(event, now);
            stores.outages().recordDisconnect(new SiteDisconnect(event.siteId(), event.ap(), event.eventId(), away));
            queued = new PendingEvent(event, now, holdDown.dueAt(event, now));
        } else {
            queued = new PendingEvent(event, now, now.plus(settings.lookupDelay()));
        }
        stores.pending().put(queued);
        stores.dedup().remember(key, now); // last: a crash before this line means the redelivery is accepted again
        return new Disposition(Disposition.Status.QUEUED, queued.dueAt(), written);
    }

    // ------------------------------------------------------------------ 2. due work

    /** Acts on everything that has fallen due; returns the audit records written, in order. */
    public synchronized List<AuditRecord> runDue() {
        Instant now = clock.instant();
        List<AuditRecord> written = new ArrayList<>();
        for (PendingEvent p : stores.pending().all()) {
            if (p.dueAt().isAfter(now)) {
                break;
            }
            Attempt attempt = handle(p, now);
            if (attempt.worthRetrying() && p.attempt() < settings.retries()) {
                // no record yet: the final attempt's record names the earlier failure
                PendingEvent again = p.retry(now.plus(settings.retryDelay(p.attempt())), attempt.reason());
                LOG.info("event {} failed ({}), attempt {} of {}; retrying at {}", p.event().eventId(),
                        attempt.reason(), p.attempt() + 1, settings.retries() + 1, again.dueAt());
                stores.pending().put(again);
                continue;
            }
            attempt.record().ifPresent(r -> written.add(write(r)));
            stores.pending().remove(p); // last, so that a crash mid-change redoes the (idempotent) step
        }
        written.addAll(closeOutageBursts(now));
        forgetOldState(now);
        return written;
    }

    /** When {@link #runDue()} next has something to do, if anything is waiting. */
    public synchronized Optional<Instant> nextDue() {
        Instant now = clock.instant();
        List<PendingEvent> pending = stores.pending().all();
        Optional<Instant> next = pending.stream().map(PendingEvent::dueAt).findFirst();
        for (HeldBurst burst : heldBursts(now)) {
            Optional<Instant> ready = burstRecordDueAt(burst, pending);
            if (ready.isPresent() && (next.isEmpty() || ready.get().isBefore(next.get()))) {
                next = ready;
            }
        }
        return next;
    }

    /** One attempt at a due item: its record (none while an outage holds it), and whether to try again. */
    private record Attempt(Optional<AuditRecord> record, boolean worthRetrying) {
        String reason() {
            return record.map(AuditRecord::reason).orElse("");
        }
    }

    private Attempt handle(PendingEvent p, Instant now) {
        AuditTrail trail = new AuditTrail(p.event(), p.receivedAt());
        trail.add(dedup.check(p.event(), Optional.empty(), p.receivedAt()));
        if (p.attempt() > 0) {
            trail.add(Decision.proceed(RETRY, Decision.figures("attempt", p.attempt() + 1,
                            "attempts", settings.retries() + 1, "lastFailure", p.lastFailure()),
                    "attempt " + (p.attempt() + 1) + " of " + (settings.retries() + 1)
                            + "; the previous one failed (" + p.lastFailure() + ")"));
        }
        Optional<AuditRecord> record;
        try {
            record = p.isRevert() ? revert(p, trail, now) : Optional.of(place(p, trail, now));
        } catch (MesaException e) {
            // Mist or a switch could not be asked (after the client's own bounded retries): may pass
            LOG.warn("event {} failed: {} ({})", p.event().eventId(), e.getMessage(), e.reason());
            trail.add(Decision.stop(ERROR, Decision.figures("reason", e.reason()), e.getMessage()));
            trail.failedTransiently();
            record = Optional.of(trail.finish(Outcome.FAILED, e.reason(), now));
        } catch (RuntimeException e) {
            LOG.error("event {} failed unexpectedly", p.event().eventId(), e);
            trail.add(Decision.stop(ERROR, Decision.figures("exception", e.getClass().getSimpleName()),
                    "unexpected error: " + e.getClass().getSimpleName()));
            record = Optional.of(trail.finish(Outcome.FAILED, "internal-error", now));
        }
        return new Attempt(record, trail.worthRetrying());
    }

    // ------------------------------------------------------------------ 3. AP gone: secure its port

    private Optional<AuditRecord> revert(PendingEvent p, AuditTrail trail, Instant now) {
        ApEvent e = p.event();
        trail.add(holdDown.expired(e, p.receivedAt(), now));

        SiteApCounts counts = siteCounts(e.siteId());
        List<SiteDisconnect> window = stores.outages().disconnects(e.siteId(), now.minus(outageMemory()));
        Decision outage = trail.add(outageGuard.evaluate(siteLabel(e), window, HoldDown.wentAway(e, p.receivedAt()),
                counts));
        if (outage.stops()) {
            // Held, not written: the burst's single record is written when the burst is over.
            stores.outages().hold(new HeldDisconnect(e, p.receivedAt(), now, counts.total()));
            return Optional.empty();
        }

        Optional<PortAssignment> known = stores.registry().find(e.ap());
        if (known.isPresent() && known.get().profile().equals(settings.apProfile())
                && known.get().at().isAfter(HoldDown.wentAway(e, p.receivedAt()))) {
            trail.add(supersededByLaterPlacement(e, known.get()));
            return Optional.of(trail.finish(Outcome.CANCELLED, "superseded", now));
        }
        Optional<SwitchPort> found = portOfGoneAp(e, known, trail);
        if (found.isEmpty()) {
            return Optional.of(trail.finish(Outcome.FAILED, "no-port", now));
        }
        SwitchPort port = found.get();
        if (trail.add(portOwnership(e, port)).stops()) {
            return Optional.of(trail.finish(Outcome.SKIPPED_PORT_IN_USE, "port-serves-another-ap", now));
        }
        Optional<SwitchInfo> sw = switchInfo(e.orgId(), port);
        if (trail.add(lldpGuard.beforeRevert(e.ap(), port, readings(port, switchSite(sw, e)))).stops()) {
            return Optional.of(trail.finish(Outcome.SKIPPED_LLDP, "ap-still-on-lldp", now));
        }
        if (!change("secure", e, port, sw, settings.securedProfile(), trail, now)) {
            return Optional.of(trail.finish(Outcome.UNCHANGED, "switch-not-managed", now));
        }
        return Optional.of(finishWithChanges(trail, now));
    }

    /**
     * A disconnect delivered late (a webhook retry) after the AP was given the AP profile again: acting on it would
     * cut off an AP that is back. Only possible for late deliveries, since a disconnect cancels a pending lookup.
     * (A newer <em>secured</em> entry is this revert's own, seen again when the step is redone after a crash.)
     */
    private static Decision supersededByLaterPlacement(ApEvent e, PortAssignment placed) {
        return Decision.stop(ORDER, Decision.figures("disconnectedAt", e.timestamp(), "placedAt", placed.at(),
                        "port", placed.port(), "profile", placed.profile()),
                "the AP was placed on " + placed.port() + " (profile " + placed.profile() + ") at " + placed.at()
                        + ", after this disconnect: stale event, no change");
    }

    /** The registry first (the gone AP's own LLDP data in Mist may be stale), Mist second. */
    private Optional<SwitchPort> portOfGoneAp(ApEvent e, Optional<PortAssignment> known, AuditTrail trail) {
        if (known.isPresent()) {
            PortAssignment a = known.get();
            trail.add(Decision.proceed(REGISTRY, Decision.figures("port", a.port(), "profile", a.profile(), "since", a.at()),
                    "the AP was last registered on " + a.port() + " (profile " + a.profile() + " since " + a.at() + ")"));
            return Optional.of(a.port());
        }
        Optional<ApUplink> up = mist.apUplink(e.orgId(), e.siteId(), e.ap());
        if (up.isEmpty()) {
            trail.add(Decision.stop(UPLINK, Decision.figures("registry", "none", "mist", "none"),
                    "no port known for the AP: not in the registry and Mist has no LLDP neighbour for it"));
            return Optional.empty();
        }
        SwitchPort port = portOf(up.get());
        trail.add(Decision.proceed(UPLINK, Decision.figures("registry", "none", "port", port, "source", "mist-ap-lldp"),
                "not in the registry; Mist's last LLDP data for the AP names " + port));
        return Optional.of(port);
    }

    // ------------------------------------------------------------------ 4. AP (back) online: give its port the AP profile

    private AuditRecord place(PendingEvent p, AuditTrail trail, Instant now) {
        ApEvent e = p.event();
        Duration waited = Duration.between(p.receivedAt(), now);
        trail.add(Decision.proceed(LOOKUP_DELAY, Decision.figures("lookupDelay", settings.lookupDelay(),
                        "receivedAt", p.receivedAt(), "lookedUpAt", now),
                "looked up " + Durations.text(waited) + " after receiving the event (lookup delay "
                        + Durations.text(settings.lookupDelay()) + "), so Mist holds the AP's current LLDP neighbour"));

        Optional<ApUplink> up = mist.apUplink(e.orgId(), e.siteId(), e.ap());
        if (up.isEmpty()) {
            trail.add(Decision.stop(UPLINK, Decision.figures("ap", e.ap()),
                    "Mist has no LLDP neighbour for the AP: its switch port is unknown, no change"));
            trail.failedTransiently(); // Mist may not have the fresh AP's LLDP data yet
            return trail.finish(Outcome.FAILED, "no-uplink", now);
        }
        SwitchPort port = portOf(up.get());
        trail.add(Decision.proceed(UPLINK, Decision.figures("port", port, "apSite", up.get().siteId()),
                "Mist sees the AP on " + port + " (AP's LLDP neighbour)"));

        Optional<PortAssignment> before = stores.registry().find(e.ap());
        boolean moved = before.isPresent() && !before.get().isAt(port);
        trail.add(registryComparison(before, port, moved));
        if (!moved && e.kind() == ApEvent.Kind.RESTARTED && before.isPresent()
                && before.get().profile().equals(settings.apProfile())) {
            return trail.finish(Outcome.UNCHANGED, "same-port", now);
        }
        if (moved) {
            secureOldPort(e, before.get(), trail, now);
        }
        Optional<SwitchInfo> sw = switchInfo(e.orgId(), port);
        change("ap", e, port, sw, settings.apProfile(), trail, now);
        return finishWithChanges(trail, now);
    }

    private Decision registryComparison(Optional<PortAssignment> before, SwitchPort port, boolean moved) {
        if (before.isEmpty()) {
            return Decision.proceed(REGISTRY, Decision.figures("registered", "none", "current", port),
                    "no earlier port registered for the AP");
        }
        PortAssignment a = before.get();
        var figures = Decision.figures("registered", a.port(), "registeredProfile", a.profile(), "since", a.at(),
                "current", port);
        return Decision.proceed(REGISTRY, figures, moved
                ? "the AP moved from " + a.port() + " to " + port
                : "the AP is on its registered port " + port + " (profile " + a.profile() + " since " + a.at() + ")");
    }

    /** The AP left {@code before.port()}: secure it, unless another AP now uses it or the switch still sees this AP there. */
    private void secureOldPort(ApEvent e, PortAssignment before, AuditTrail trail, Instant now) {
        SwitchPort old = before.port();
        if (trail.add(portOwnership(e, old)).stops()) {
            return;
        }
        Optional<SwitchInfo> sw = switchInfo(e.orgId(), old);
        if (trail.add(lldpGuard.beforeRevert(e.ap(), old, readings(old, switchSite(sw, e)))).stops()) {
            return;
        }
        change("secure-old-port", e, old, sw, settings.securedProfile(), trail, now);
    }

    // ------------------------------------------------------------------ 5. outage bursts: one record each

    private List<AuditRecord> closeOutageBursts(Instant now) {
        List<AuditRecord> written = new ArrayList<>();
        List<PendingEvent> pending = stores.pending().all();
        for (HeldBurst b : heldBursts(now)) {
            Optional<Instant> ready = burstRecordDueAt(b, pending);
            if (ready.isEmpty() || now.isBefore(ready.get())) {
                continue;
            }
            HeldDisconnect first = b.held().get(0);
            int siteApTotal = b.held().stream().mapToInt(HeldDisconnect::siteApTotal).max().orElse(0);
            Decision d = outageGuard.coalesced(siteLabel(first.event()), b.burst(), siteApTotal, b.held().size());
            List<EventSummary> others = b.held().subList(1, b.held().size()).stream()
                    .map(h -> EventSummary.of(h.event(), h.receivedAt())).toList();
            AuditRecord r = new AuditRecord("outage|" + b.siteId() + "|" + b.burst().start(),
                    EventSummary.of(first.event(), first.receivedAt()), others, List.of(d), List.of(),
                    Outcome.SKIPPED_OUTAGE, "site-outage", now);
            written.add(write(r));
            b.held().forEach(h -> stores.outages().release(h.event().eventId()));
        }
        return written;
    }

    /** The disconnects an outage held, grouped by their burst; {@code held} ordered by when the AP went away. */
    private record HeldBurst(String siteId, OutageGuard.Burst burst, List<HeldDisconnect> held) {
    }

    /**
     * When a burst's single record can be written: once the burst is quiet (no disconnect at the site for the
     * outage window) and none of its disconnects is still in its hold-down. Empty while members are pending:
     * their own due times come first, and the record is written in the same {@code runDue} as the last of them.
     */
    private Optional<Instant> burstRecordDueAt(HeldBurst b, List<PendingEvent> pending) {
        boolean membersInHoldDown = pending.stream()
                .filter(p -> p.isRevert() && p.event().siteId().equals(b.siteId()))
                .map(p -> HoldDown.wentAway(p.event(), p.receivedAt()))
                .anyMatch(t -> !t.isBefore(b.burst().start()) && !t.isAfter(b.burst().end()));
        return membersInHoldDown ? Optional.empty() : Optional.of(outageGuard.quietAt(b.burst()));
    }

    /** Each site's bursts are computed once; each held disconnect joins the burst containing it. */
    private List<HeldBurst> heldBursts(Instant now) {
        Map<String, List<HeldDisconnect>> bySite = new TreeMap<>();
        for (HeldDisconnect h : stores.outages().held()) {
            bySite.computeIfAbsent(h.event().siteId(), k -> new ArrayList<>()).add(h);
        }
        List<HeldBurst> out = new ArrayList<>();
        for (Map.Entry<String, List<HeldDisconnect>> site : bySite.entrySet()) {
            List<OutageGuard.Burst> bursts =
                    outageGuard.bursts(stores.outages().disconnects(site.getKey(), now.minus(outageMemory())));
            Map<Instant, HeldBurst> byStart = new TreeMap<>();
            for (HeldDisconnect h : site.getValue()) {
                Instant away = HoldDown.wentAway(h.event(), h.receivedAt());
                OutageGuard.Burst burst = bursts.stream()
                        .filter(b -> !away.isBefore(b.start()) && !away.isAfter(b.end()))
                        .findFirst().orElse(new OutageGuard.Burst(away, away, 1, 1, away, away));
                byStart.computeIfAbsent(burst.start(), k -> new HeldBurst(site.getKey(), burst, new ArrayList<>()))
                        .held().add(h);
            }
            for (HeldBurst b : byStart.values()) {
                b.held().sort(Comparator.comparing(h -> HoldDown.wentAway(h.event(), h.receivedAt())));
                out.add(b);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ building blocks

    /**
     * Asks the chosen back-end to apply {@code profile} to {@code port}, records the result and, when the port
     * now has the profile, the registry. Returns false when no back-end manages the switch.
     */
    private boolean change(String purpose, ApEvent e, SwitchPort port, Optional<SwitchInfo> sw, String profile,
                           AuditTrail trail, Instant now) {
        String site = switchSite(sw, e);
        BackendSelector.Choice choice = backends.choose(port, site, site.equals(e.siteId()) ? e.siteName() : "", sw);
        trail.add(choice.decision());
        if (choice.configurator() == null) {
            return false;
        }
        String comment = "MESA " + e.type() + " " + e.ap() + (e.apName().isEmpty() ? "" : " (" + e.apName() + ")")
                + " event " + e.eventId();
        ChangeResult result = choice.configurator().apply(
                new ChangeRequest(port, profile, Map.of(), false, comment, 0));
        trail.add(PortChange.of(purpose, port, choice.configurator().backend(), profile, result));
        if (result.failed() && result.leftIn() == SwitchState.BEFORE && EARLY_STAGES.contains(result.failedStage())) {
            trail.failedTransiently(); // unreachable, or the configuration lock is held: nothing was touched
        }
        boolean portHasProfile = result.outcome() == ChangeResult.Outcome.CHANGED
                || result.outcome() == ChangeResult.Outcome.UNCHANGED;
        if (portHasProfile && !purpose.equals("secure-old-port")) {
            stores.registry().put(new PortAssignment(e.ap(), e.apName(), e.siteId(), port, profile, now));
        }
        return true;
    }

    private AuditRecord finishWithChanges(AuditTrail trail, Instant now) {
        Outcome outcome = trail.outcomeOfChanges();
        return trail.finish(outcome, outcome == Outcome.FAILED ? "change-failed" : "", now);
    }

    /** STOP when the port's newest registration belongs to another AP that MESA gave the AP profile. */
    private Decision portOwnership(ApEvent e, SwitchPort port) {
        Optional<PortAssignment> newest = stores.registry().atPort(port.switchName(), port.port()).stream()
                .max(Comparator.comparing(PortAssignment::at));
        if (newest.isPresent() && !newest.get().ap().equals(e.ap())
                && newest.get().profile().equals(settings.apProfile())) {
            PortAssignment other = newest.get();
            return Decision.stop(OWNER, Decision.figures("port", port, "registeredAp", other.ap(), "since", other.at()),
                    port + " now serves AP " + label(other) + " (AP profile since " + other.at() + "): no change");
        }
        return Decision.proceed(OWNER, Decision.figures("port", port,
                        "registeredAp", newest.map(a -> a.ap().value()).orElse("none")),
                "no other AP is registered on " + port);
    }

    /** Switch-side readings, preferred first: the switch's own LLDP table (live), then Mist's port stats. */
    private List<PortReading> readings(SwitchPort port, String siteId) {
        List<PortReading> out = new ArrayList<>();
        if (switchSide != SwitchPortReader.NONE) {
            try {
                out.add(switchSide.read(port).map(PortReading::of).orElse(PortReading.none(switchSide.source())));
            } catch (MesaException ex) {
                out.add(PortReading.failed(switchSide.source(), ex.reason()));
            }
        }
        String mistSource = "mist-port-stats";
        if (port.switchMac() == null) {
            out.add(PortReading.failed(mistSource, "switch MAC unknown"));
            return out;
        }
        try {
            out.add(mist.switchPort(siteId, port.switchMac(), port.port()).map(PortReading::of)
                    .orElse(PortReading.none(mistSource)));
        } catch (MesaException ex) {
            out.add(PortReading.failed(mistSource, ex.reason()));
        }
        return out;
    }

    /** Mist's AP counts; total 0 ("unknown") when Mist cannot say, so only the count threshold applies. */
    private SiteApCounts siteCounts(String siteId) {
        if (siteId.isEmpty()) {
            return new SiteApCounts(siteId, 0, 0);
        }
        try {
            return mist.siteApCounts(siteId);
        } catch (MesaException ex) {
            LOG.warn("site AP counts for {} unavailable ({}); outage check uses the AP count threshold only",
                    siteId, ex.reason());
            return new SiteApCounts(siteId, 0, 0);
        }
    }

    /** The switch as Mist knows it; empty when it has no MAC or Mist does not know it (then it is not Mist-managed). */
    private Optional<SwitchInfo> switchInfo(String orgId, SwitchPort port) {
        return port.switchMac() == null ? Optional.empty() : mist.switchByMac(orgId, port.switchMac());
    }

    private static String switchSite(Optional<SwitchInfo> sw, ApEvent e) {
        return sw.map(SwitchInfo::siteId).filter(s -> !s.isEmpty()).orElse(e.siteId());
    }

    private static SwitchPort portOf(ApUplink up) {
        return new SwitchPort(up.switchName(), up.switchMac(), up.port());
    }

    private static boolean isDisconnect(ApEvent e) {
        return e.kind() == ApEvent.Kind.DISCONNECTED;
    }

    private static String siteLabel(ApEvent e) {
        return !e.siteName().isEmpty() ? e.siteName() : e.siteId().isEmpty() ? "the org" : e.siteId();
    }

    private static String label(PortAssignment a) {
        return a.apName().isEmpty() ? a.ap().value() : a.apName() + " (" + a.ap() + ")";
    }

    private Duration outageMemory() {
        Duration burstSpan = settings.outage().window().plus(settings.holdDown()).multipliedBy(4);
        return burstSpan.compareTo(MIN_OUTAGE_MEMORY) > 0 ? burstSpan : MIN_OUTAGE_MEMORY;
    }

    private void forgetOldState(Instant now) {
        stores.dedup().forgetBefore(now.minus(settings.dedupWindow()));
        stores.outages().forgetBefore(now.minus(outageMemory()));
    }

    // ------------------------------------------------------------------ records written while accepting

    private AuditRecord joined(ApEvent e, Instant now, PendingEvent p) {
        AuditTrail trail = new AuditTrail(e, now);
        trail.add(dedup.check(e, Optional.empty(), now));
        String what = p.isRevert() ? "a revert" : "a lookup";
        trail.add(Decision.stop(p.isRevert() ? HoldDown.NAME : LOOKUP_DELAY,
                Decision.figures("pendingEvent", p.event().eventId(), "pendingType", p.event().type(), "dueAt", p.dueAt()),
                what + " for this AP is already pending (" + p.event().type() + " event " + p.event().eventId()
                        + ", due at " + p.dueAt() + "): this event joins it"));
        return trail.finish(Outcome.DUPLICATE, "joined-pending", now);
    }

    private AuditRecord stale(ApEvent e, Instant now, PendingEvent p) {
        AuditTrail trail = new AuditTrail(e, now);
        trail.add(dedup.check(e, Optional.empty(), now));
        trail.add(Decision.stop(ORDER, Decision.figures("eventTime", e.timestamp(), "pendingType", p.event().type(),
                        "pendingTime", p.event().timestamp()),
                "older than the pending " + p.event().type() + " at " + p.event().timestamp()
                        + ": out-of-order delivery, ignored"));
        return trail.finish(Outcome.CANCELLED, "out-of-order", now);
    }

    /** The record of pending item {@code p}, cancelled because the AP reported the opposite in {@code by}. */
    private AuditRecord cancelled(PendingEvent p, ApEvent by, Instant now) {
        AuditTrail trail = new AuditTrail(p.event(), p.receivedAt());
        trail.add(dedup.check(p.event(), Optional.empty(), p.receivedAt()));
        if (p.isRevert()) {
            trail.add(holdDown.comeback(p.event(), p.receivedAt(), by));
            return trail.finish(Outcome.CANCELLED, "ap-came-back", now);
        }
        trail.add(Decision.stop(LOOKUP_DELAY, Decision.figures("dueAt", p.dueAt(), "disconnectAt", by.timestamp()),
                "AP_DISCONNECTED at " + by.timestamp() + " arrived before the lookup was due: lookup cancelled"));
        return trail.finish(Outcome.CANCELLED, "ap-went-away", now);
    }

    // ------------------------------------------------------------------ audit out

    /** Stores the record, then tells the notifier; a notifier failure is logged and never undoes anything. */
    private AuditRecord write(AuditRecord r) {
        stores.audit().append(r);
        try {
            notifier.publish(r);
        } catch (RuntimeException ex) {
            // the class only: a notifier's message may carry its endpoint (a Slack webhook URL is a secret)
            LOG.warn("notifier failed for audit record {} ({})", r.id(), ex.getClass().getName());
        }
        return r;
    }
}
