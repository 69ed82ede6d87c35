package io.jenkins.plugins.mesa.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The MESA audit record of one run: the event, every decision with its figures (lookup, guards), each port
 * change (target, back-end, profile, diff, commit reference, outcome) and the run's outcome. Shown on the run page ({@code summary.jelly}),
 * exported in {@code /api/json}, saved with the run. Plain strings only, never a secret; it mirrors the data
 * of mesa-core's audit record.
 */
@ExportedBean
public final class MesaChangeAction implements RunAction2 {
    private static final Object CREATE_LOCK = new Object();

    private transient Run<?, ?> run;

    private String eventId = "";
    private String eventType = "";
    private String apMac = "";
    private String apName = "";
    private String siteId = "";
    private String siteName = "";
    private String orgId = "";
    private String eventTime = "";
    private List<String> coalescedAps = new ArrayList<>();

    private List<Change> changes = new ArrayList<>();
    private List<Decision> decisions = new ArrayList<>();

    /** The run's action, created (and filled from the run's Mist cause) on first use. */
    public static MesaChangeAction of(Run<?, ?> run) {
        synchronized (CREATE_LOCK) {
            MesaChangeAction a = run.getAction(MesaChangeAction.class);
            if (a == null) {
                a = new MesaChangeAction();
                MistEventCause cause = run.getCause(MistEventCause.class);
                if (cause != null) {
                    a.setEvent(cause.toMap());
                }
                run.addAction(a);
            }
            return a;
        }
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @CheckForNull
    public Run<?, ?> getRun() {
        return run;
    }

    /** Sets the event fields from an event map ({@link MistEventCause#toMap()} or a {@code mistEvent} result). */
    public synchronized void setEvent(Map<String, ?> event) {
        eventId = text(event.get("eventId"));
        eventType = text(event.get("type"));
        apMac = text(event.get("apMac"));
        apName = Printable.of(text(event.get("apName")));
        siteId = text(event.get("siteId"));
        siteName = Printable.of(text(event.get("siteName")));
        orgId = text(event.get("orgId"));
        Object ts = event.get("timestamp");
        eventTime =
                ts instanceof Number n ? Instant.ofEpochSecond(n.longValue()).toString() : text(ts);
        coalescedAps = new ArrayList<>();
        if (event.get("coalescedAps") instanceof List<?> aps) {
            aps.forEach(a -> coalescedAps.add(text(a)));
        }
    }

    /** Appends one decision (a lookup, a guard verdict, a change) with the figures it was based on. */
    public synchronized void addDecision(String step, String verdict, String explanation, Map<String, ?> figures) {
        List<String> f = new ArrayList<>();
        figures.forEach((k, v) -> {
            if (!(v instanceof Map) && !(v instanceof List) && !"diff".equals(k)) {
                f.add(k + "=" + text(v));
            }
        });
        decisions.add(new Decision(
                step, verdict, Printable.of(explanation), f, Instant.now().toString()));
    }

    /**
     * Records one port change (or attempted change) of this run; a run can make two (an AP that moved: the old
     * port reverted, the new one configured).
     */
    public synchronized void addChange(
            String backend,
            String target,
            String profile,
            String outcome,
            String diff,
            String commitRef,
            String reason) {
        changes.add(new Change(backend, target, profile, outcome, diff, commitRef, reason));
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    protected synchronized Object readResolve() {
        if (decisions == null) {
            decisions = new ArrayList<>();
        }
        if (coalescedAps == null) {
            coalescedAps = new ArrayList<>();
        }
        if (changes == null) {
            changes = new ArrayList<>();
        }
        return this;
    }

    // ---- exported view ---------------------------------------------------------------------------------

    @Exported(visibility = 2)
    public synchronized String getEventId() {
        return eventId;
    }

    @Exported(visibility = 2)
    public synchronized String getEventType() {
        return eventType;
    }

    @Exported(visibility = 2)
    public synchronized String getApMac() {
        return apMac;
    }

    @Exported(visibility = 2)
    public synchronized String getApName() {
        return apName;
    }

    @Exported(visibility = 2)
    public synchronized String getSiteId() {
        return siteId;
    }

    @Exported(visibility = 2)
    public synchronized String getSiteName() {
        return siteName;
    }

    @Exported(visibility = 2)
    public synchronized String getOrgId() {
        return orgId;
    }

    @Exported(visibility = 2)
    public synchronized String getEventTime() {
        return eventTime;
    }

    @Exported(visibility = 2)
    public synchronized List<String> getCoalescedAps() {
        return List.copyOf(coalescedAps);
    }

    /** The port changes of this run, in order. */
    @Exported(visibility = 2)
    public synchronized List<Change> getChanges() {
        return List.copyOf(changes);
    }

    /**
     * How the run ended, in the terms of mesa-core's audit outcome: {@code FAILED} or {@code CHANGED} when any
     * change did, {@code DRY_RUN} or {@code UNCHANGED} otherwise; without a change, {@code SKIPPED_OUTAGE} or
     * {@code SKIPPED_LLDP} when a guard said so; empty while nothing was decided.
     */
    @Exported(visibility = 2)
    public synchronized String getOutcome() {
        if (!changes.isEmpty()) {
            for (String worst : List.of("FAILED", "CHANGED", "DRY_RUN")) {
                if (changes.stream().anyMatch(c -> worst.equals(c.getOutcome()))) {
                    return worst;
                }
            }
            return "UNCHANGED";
        }
        if (MistEventCause.SITE_OUTAGE.equals(eventType)
                || decisions.stream().anyMatch(d -> "outage".equals(d.getVerdict()))) {
            return "SKIPPED_OUTAGE";
        }
        if (decisions.stream().anyMatch(d -> "ap-present".equals(d.getVerdict()))) {
            return "SKIPPED_LLDP";
        }
        return "";
    }

    /** Why a change failed (the first failure), or empty. */
    @Exported(visibility = 2)
    public synchronized String getReason() {
        return changes.stream()
                .map(Change::getReason)
                .filter(r -> !r.isEmpty())
                .findFirst()
                .orElse("");
    }

    @Exported(visibility = 2)
    public synchronized List<Decision> getDecisions() {
        return List.copyOf(decisions);
    }

    @Override
    public String getIconFileName() {
        return null; // shown in the run summary, no page of its own
    }

    @Override
    public String getDisplayName() {
        return "MESA change";
    }

    @Override
    public String getUrlName() {
        return null;
    }

    /** One port change: where, how, what it did. */
    @ExportedBean(defaultVisibility = 3)
    public static final class Change {
        private final String backend;
        private final String target;
        private final String profile;
        private final String outcome;
        private final String diff;
        private final String commitRef;
        private final String reason;

        Change(
                String backend,
                String target,
                String profile,
                String outcome,
                String diff,
                String commitRef,
                String reason) {
            this.backend = backend;
            this.target = target;
            this.profile = profile;
            this.outcome = outcome;
            this.diff = diff;
            this.commitRef = commitRef;
            this.reason = reason;
        }

        /** {@code junos}, {@code cso} or {@code mist}. */
        @Exported
        public String getBackend() {
            return backend;
        }

        /** Switch and port, e.g. {@code ex-lobby ge-0/0/12}. */
        @Exported
        public String getTarget() {
            return target;
        }

        @Exported
        public String getProfile() {
            return profile;
        }

        /** {@code CHANGED}, {@code UNCHANGED}, {@code DRY_RUN} or {@code FAILED}. */
        @Exported
        public String getOutcome() {
            return outcome;
        }

        @Exported
        public String getDiff() {
            return diff;
        }

        /** The change on the remote side: commit reference, CSO job id, Mist device. */
        @Exported
        public String getCommitRef() {
            return commitRef;
        }

        /** For a failure: the stage and the state the switch was left in. */
        @Exported
        public String getReason() {
            return reason;
        }
    }

    /** One decision of the run, in order. */
    @ExportedBean(defaultVisibility = 3)
    public static final class Decision {
        private final String step;
        private final String verdict;
        private final String explanation;
        private final List<String> figures;
        private final String at;

        Decision(String step, String verdict, String explanation, List<String> figures, String at) {
            this.step = step;
            this.verdict = verdict;
            this.explanation = explanation;
            this.figures = new ArrayList<>(figures); // a plain ArrayList: XStream reads it back
            this.at = at;
        }

        @Exported
        public String getStep() {
            return step;
        }

        @Exported
        public String getVerdict() {
            return verdict;
        }

        @Exported
        public String getExplanation() {
            return explanation;
        }

        /** {@code name=value} figures the decision used. */
        @Exported
        public List<String> getFigures() {
            return List.copyOf(figures);
        }

        @Exported
        public String getAt() {
            return at;
        }
    }
}
