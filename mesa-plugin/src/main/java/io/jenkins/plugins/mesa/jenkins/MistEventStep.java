package io.jenkins.plugins.mesa.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code mistEvent(payload: …, signature: …)}: for teams that receive Mist webhooks through another trigger
 * (e.g. Generic Webhook Trigger): verifies the raw body's signature when given (or when a webhook secret is
 * configured) and parses it into {@code topic, events (eventId, type, apMac, apName, siteId, siteName, orgId,
 * timestamp), ignored} — the same event keys {@code MistEventCause} carries.
 */
public final class MistEventStep extends Step {
    private final String payload;
    private String signature = "";
    private String credentialsId = "";

    @DataBoundConstructor
    public MistEventStep(String payload) {
        this.payload = Util.fixNull(payload);
    }

    /** The webhook's raw body, exactly as received (the signature covers these bytes). */
    public String getPayload() {
        return payload;
    }

    public String getSignature() {
        return signature;
    }

    /** The {@code X-Mist-Signature-v2} header value. */
    @DataBoundSetter
    public void setSignature(String signature) {
        this.signature = Util.fixNull(signature).trim();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** A Secret text credential with the webhook secret, instead of the configured one. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixNull(credentialsId).trim();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient MistEventStep step;

        Execution(MistEventStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepRuntime rt =
                    new StepRuntime(getContext().get(Run.class), getContext().get(TaskListener.class), "mistEvent");
            rt.log("parse a " + step.payload.length() + "-character webhook body"
                    + (step.signature.isEmpty() ? " (no signature given)" : " and verify its signature"));
            Map<String, Object> r = rt.call(
                    step.credentialsId,
                    StepRuntime.Login.WEBHOOK_SECRET,
                    EnumSet.of(StepRuntime.Login.WEBHOOK_SECRET),
                    f -> f.parseEvent(step.payload, step.signature.isEmpty() ? null : step.signature));
            List<?> events = r.get("events") instanceof List<?> l ? l : List.of();
            List<?> ignored = r.get("ignored") instanceof List<?> l ? l : List.of();
            StringBuilder line = new StringBuilder("topic " + r.get("topic") + ": " + events.size() + " AP event(s)");
            for (Object e : events) {
                if (e instanceof Map<?, ?> m) {
                    line.append("; ").append(m.get("type")).append(' ').append(m.get("apMac"));
                }
            }
            line.append(", ").append(ignored.size()).append(" ignored");
            rt.log(line.toString());
            MesaChangeAction audit = rt.audit();
            if (audit.getEventId().isEmpty() && !events.isEmpty() && events.get(0) instanceof Map<?, ?> first) {
                @SuppressWarnings("unchecked")
                Map<String, ?> firstEvent = (Map<String, ?>) first;
                audit.setEvent(firstEvent);
            }
            audit.addDecision(
                    "mistEvent",
                    events.isEmpty() ? "no-ap-event" : "parsed",
                    line.toString(),
                    Map.of("events", events.size(), "ignored", ignored.size()));
            rt.save();
            return r;
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "mistEvent";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "MESA: verify and parse a Mist webhook body";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        public FormValidation doCheckPayload(@QueryParameter String value) {
            return StepForms.required(value, "the raw webhook body (e.g. a variable set by your webhook trigger)");
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return StepForms.credentials(item, credentialsId, StringCredentials.class);
        }
    }
}
