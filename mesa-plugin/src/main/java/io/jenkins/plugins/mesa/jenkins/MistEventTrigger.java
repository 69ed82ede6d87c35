package io.jenkins.plugins.mesa.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Job;
import hudson.triggers.Trigger;
import hudson.triggers.TriggerDescriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.mesa.mist.ApEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * Subscribes a job to Mist AP events arriving at {@code /mist-webhook/}: each accepted event starts its own
 * run. Pipeline: {@code properties([pipelineTriggers([mistEvents(eventTypes: 'AP_DISCONNECTED', sites: 'HQ')])])}
 * or declarative {@code triggers { mistEvents() }}. Empty filters accept everything.
 */
public final class MistEventTrigger extends Trigger<Job<?, ?>> {
    private String eventTypes = "";
    private String sites = "";
    private String apNamePattern = "";
    private boolean coalesceOutages = true;

    private transient volatile Pattern compiledApName;

    @DataBoundConstructor
    public MistEventTrigger() {}

    /** Comma- or space-separated event types; empty = all of AP_CONNECTED, AP_DISCONNECTED, AP_RESTARTED. */
    public String getEventTypes() {
        return eventTypes;
    }

    @DataBoundSetter
    public void setEventTypes(String eventTypes) {
        List<String> types = splitTypes(eventTypes);
        for (String t : types) {
            if (!ApEvent.isActionable(t)) {
                throw new IllegalArgumentException("mistEvents: unknown event type '" + Printable.of(t)
                        + "'; use AP_CONNECTED, AP_DISCONNECTED, AP_RESTARTED");
            }
        }
        this.eventTypes = String.join(",", types);
    }

    /** Comma-separated site ids or site names; empty = every site. */
    public String getSites() {
        return sites;
    }

    @DataBoundSetter
    public void setSites(String sites) {
        this.sites = String.join(",", splitSites(sites));
    }

    /** Regular expression the AP name must match (whole name); empty = any AP. */
    public String getApNamePattern() {
        return apNamePattern;
    }

    @DataBoundSetter
    public void setApNamePattern(String apNamePattern) {
        String p = Util.fixNull(apNamePattern).trim();
        Pattern.compile(p); // reject a bad pattern when the job is configured, not at event time
        this.apNamePattern = p;
        this.compiledApName = null;
    }

    /** When a site outage is declared, replace its waiting disconnect runs by ONE outage run (default). */
    public boolean isCoalesceOutages() {
        return coalesceOutages;
    }

    @DataBoundSetter
    public void setCoalesceOutages(boolean coalesceOutages) {
        this.coalesceOutages = coalesceOutages;
    }

    /** Why this trigger does not want the event, or null when it does. */
    String rejection(ApEvent e) {
        List<String> types = splitTypes(eventTypes);
        if (!types.isEmpty() && !types.contains(e.type())) {
            return "event type " + e.type() + " not subscribed";
        }
        List<String> siteList = splitSites(sites);
        if (!siteList.isEmpty()
                && siteList.stream()
                        .noneMatch(s -> s.equalsIgnoreCase(e.siteId()) || s.equalsIgnoreCase(e.siteName()))) {
            return "site not subscribed";
        }
        if (!apNamePattern.isEmpty() && !apNamePattern().matcher(e.apName()).matches()) {
            return "AP name does not match";
        }
        return null;
    }

    private Pattern apNamePattern() {
        Pattern p = compiledApName;
        if (p == null) {
            p = Pattern.compile(apNamePattern);
            compiledApName = p;
        }
        return p;
    }

    static List<String> splitTypes(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : Util.fixNull(s).split("[,\\s]+")) {
            if (!t.isBlank()) {
                out.add(t.trim().toUpperCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(out);
    }

    static List<String> splitSites(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : Util.fixNull(s).split(",")) {
            if (!t.isBlank()) {
                out.add(t.trim());
            }
        }
        return new ArrayList<>(out);
    }

    @Extension
    @Symbol("mistEvents")
    public static final class DescriptorImpl extends TriggerDescriptor {
        @Override
        public boolean isApplicable(Item item) {
            return item instanceof ParameterizedJobMixIn.ParameterizedJob;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Mist AP events (MESA webhook)";
        }

        public FormValidation doCheckEventTypes(@QueryParameter String value) {
            for (String t : splitTypes(value)) {
                if (!ApEvent.isActionable(t)) {
                    return FormValidation.error("Unknown event type '" + Printable.of(t)
                            + "'; MESA handles AP_CONNECTED, AP_DISCONNECTED and AP_RESTARTED.");
                }
            }
            return FormValidation.ok();
        }

        public FormValidation doCheckApNamePattern(@QueryParameter String value) {
            return RegexField.check(value, "AP name");
        }

        public FormValidation doCheckCoalesceOutages(@QueryParameter boolean value) {
            return value
                    ? FormValidation.ok()
                    : FormValidation.warning("During a site outage every disconnected AP starts its own run.");
        }
    }
}
