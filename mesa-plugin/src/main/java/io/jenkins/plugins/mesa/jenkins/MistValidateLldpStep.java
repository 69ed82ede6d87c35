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
import java.util.LinkedHashMap;
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
 * {@code mistValidateLldp(switchMac: …, port: …, apMac: …)}: is the AP still plugged into that port, read from
 * the switch side (port up and LLDP neighbour equal to the AP)? Returns {@code apPresent, portUp,
 * neighbourMac, source, explanation}.
 */
public final class MistValidateLldpStep extends Step {
    private final String switchMac;
    private final String port;
    private final String apMac;
    private String siteId = "";
    private String credentialsId = "";

    @DataBoundConstructor
    public MistValidateLldpStep(String switchMac, String port, String apMac) {
        this.switchMac = Util.fixNull(switchMac).trim();
        this.port = Util.fixNull(port).trim();
        this.apMac = Util.fixNull(apMac).trim();
    }

    public String getSwitchMac() {
        return switchMac;
    }

    public String getPort() {
        return port;
    }

    public String getApMac() {
        return apMac;
    }

    public String getSiteId() {
        return siteId;
    }

    /** The switch's site; speeds up the Mist port search. */
    @DataBoundSetter
    public void setSiteId(String siteId) {
        this.siteId = Util.fixNull(siteId).trim();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** A Secret text credential with a Mist API token, instead of the configured one. */
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
        private final transient MistValidateLldpStep step;

        Execution(MistValidateLldpStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepRuntime rt = new StepRuntime(
                    getContext().get(Run.class), getContext().get(TaskListener.class), "mistValidateLldp");
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("switchMac", step.switchMac);
            args.put("port", step.port);
            args.put("apMac", step.apMac);
            if (!step.siteId.isEmpty()) {
                args.put("siteId", step.siteId);
            }
            rt.log("is AP " + step.apMac + " still on " + step.switchMac + " " + step.port + "?");
            // The switch login is needed only when the guard also asks the switch itself over NETCONF.
            Set<StepRuntime.Login> needs = MesaConfiguration.get().isLldpFromSwitch()
                    ? EnumSet.of(StepRuntime.Login.MIST_TOKEN, StepRuntime.Login.SWITCH)
                    : EnumSet.of(StepRuntime.Login.MIST_TOKEN);
            Map<String, Object> r =
                    rt.call(step.credentialsId, StepRuntime.Login.MIST_TOKEN, needs, f -> f.validateLldp(args));
            boolean present = Boolean.TRUE.equals(r.get("apPresent"));
            String answer = (present ? "AP still present" : "AP gone") + " (port up " + r.get("portUp")
                    + ", neighbour '" + r.get("neighbourMac") + "', source " + r.get("source") + ")";
            rt.log(answer);
            rt.audit()
                    .addDecision(
                            "mistValidateLldp",
                            present ? "ap-present" : "ap-gone",
                            String.valueOf(r.getOrDefault("explanation", answer)),
                            r);
            rt.save();
            return r;
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "mistValidateLldp";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "MESA: check over LLDP that an AP is still on its switch port";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        public FormValidation doCheckSwitchMac(@QueryParameter String value) {
            return StepForms.mac(value);
        }

        public FormValidation doCheckPort(@QueryParameter String value) {
            return StepForms.port(value);
        }

        public FormValidation doCheckApMac(@QueryParameter String value) {
            return StepForms.mac(value);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return StepForms.credentials(item, credentialsId, StringCredentials.class);
        }
    }
}
