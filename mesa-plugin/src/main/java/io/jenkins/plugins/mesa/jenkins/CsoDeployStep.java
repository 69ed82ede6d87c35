package io.jenkins.plugins.mesa.jenkins;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code csoDeploy(device: …, port: …, profile: …)}: assigns the port profile in Juniper CSO, starts the
 * deploy job and waits for it without holding a thread: the job id is saved with the Pipeline, polling runs
 * on Jenkins' timer and is re-armed after a controller restart; aborting the run stops the polling.
 * Returns {@code jobId, state, message}; a failed deploy fails the step.
 */
public final class CsoDeployStep extends Step {
    private final String device;
    private final String port;
    private final String profile;
    private int pollSeconds = 10;
    private int timeoutMinutes = 30;
    private String credentialsId = "";

    @DataBoundConstructor
    public CsoDeployStep(String device, String port, String profile) {
        this.device = Util.fixNull(device).trim();
        this.port = Util.fixNull(port).trim();
        this.profile = Util.fixNull(profile).trim();
    }

    public String getDevice() {
        return device;
    }

    public String getPort() {
        return port;
    }

    public String getProfile() {
        return profile;
    }

    public int getPollSeconds() {
        return pollSeconds;
    }

    /** Seconds between two polls of the CSO job (1–600, default 10). */
    @DataBoundSetter
    public void setPollSeconds(int pollSeconds) {
        this.pollSeconds = Bounds.check("pollSeconds", pollSeconds, 1, 600);
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    /** Fail the step when the job has not finished after this many minutes (1–1440, default 30). */
    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = Bounds.check("timeoutMinutes", timeoutMinutes, 1, 1440);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** A username/password credential for CSO, instead of the configured one. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixNull(credentialsId).trim();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    /**
     * Asynchronous and resumable: everything needed to go on polling after a restart is in non-transient
     * fields; the scheduled poll itself is transient and re-armed by {@link #onResume()}.
     */
    public static final class Execution extends StepExecution {
        private static final long serialVersionUID = 1L;
        private static final String STEP = "csoDeploy";

        private final String device;
        private final String port;
        private final String profile;
        private final String credentialsId;
        private final int pollSeconds;
        private final int timeoutMinutes;
        private long deadlineMillis;

        @CheckForNull
        private volatile String jobId;

        private volatile String lastState = "";
        private volatile boolean finished;
        private transient volatile ScheduledFuture<?> task;

        Execution(CsoDeployStep step, StepContext context) {
            super(context);
            this.device = step.device;
            this.port = step.port;
            this.profile = step.profile;
            this.credentialsId = step.credentialsId;
            this.pollSeconds = step.pollSeconds;
            this.timeoutMinutes = step.timeoutMinutes;
        }

        @Override
        public boolean start() {
            deadlineMillis = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(timeoutMinutes);
            // start() runs on the CPS VM thread: the HTTP calls happen on the timer's threads.
            task = Timer.get().schedule(this::begin, 0, TimeUnit.SECONDS);
            return false;
        }

        private StepRuntime runtime() throws Exception {
            return new StepRuntime(getContext().get(Run.class), getContext().get(TaskListener.class), STEP);
        }

        private void begin() {
            try {
                StepRuntime rt = runtime();
                Map<String, Object> args = new LinkedHashMap<>();
                args.put("device", device);
                args.put("port", port);
                args.put("profile", profile);
                rt.log("assign profile '" + profile + "' to " + device + " " + port + " and deploy");
                Map<String, Object> r = rt.call(
                        credentialsId,
                        StepRuntime.Login.CSO,
                        EnumSet.of(StepRuntime.Login.CSO),
                        f -> f.csoStartDeploy(args));
                String id = String.valueOf(r.get("jobId"));
                jobId = id;
                getContext().saveState(); // the job id must survive a restart from here on
                rt.log("CSO job " + id + " started; polling every " + pollSeconds + " s");
                schedulePoll(pollSeconds);
            } catch (Throwable t) {
                fail(t);
            }
        }

        private void schedulePoll(long delaySeconds) {
            if (!finished) {
                task = Timer.get().schedule(this::poll, delaySeconds, TimeUnit.SECONDS);
            }
        }

        private void poll() {
            if (finished) {
                return;
            }
            try {
                StepRuntime rt = runtime();
                String id = jobId;
                Map<String, Object> r = rt.call(
                        credentialsId,
                        StepRuntime.Login.CSO,
                        EnumSet.of(StepRuntime.Login.CSO),
                        f -> f.csoPollDeploy(id));
                lastState = String.valueOf(r.get("state"));
                if (Boolean.TRUE.equals(r.get("done"))) {
                    complete(rt, r);
                } else if (System.currentTimeMillis() > deadlineMillis) {
                    fail(new AbortException(STEP + ": CSO job " + id + " still " + lastState + " after "
                            + timeoutMinutes + " min; it was not cancelled on CSO, check it there"));
                } else {
                    schedulePoll(pollSeconds);
                }
            } catch (Throwable t) {
                fail(t);
            }
        }

        private void complete(StepRuntime rt, Map<String, Object> poll) throws AbortException {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("jobId", jobId);
            result.put("state", lastState);
            result.put("message", poll.getOrDefault("message", ""));
            boolean ok = "SUCCEEDED".equals(lastState);
            String target = device + " " + port;
            rt.log("CSO job " + jobId + " " + lastState + (ok ? "" : ": " + result.get("message")));
            MesaChangeAction audit = rt.audit();
            audit.addChange(
                    "cso",
                    target,
                    profile,
                    ok ? "CHANGED" : "FAILED",
                    "",
                    String.valueOf(jobId),
                    ok ? "" : "CSO job " + lastState + ": " + result.get("message"));
            audit.addDecision(STEP, ok ? "changed" : "failed", "CSO job " + jobId + " " + lastState, result);
            rt.save();
            if (ok) {
                finished = true;
                getContext().onSuccess(PlainValues.copy(result));
            } else {
                fail(new AbortException(STEP + ": CSO job " + jobId + " " + lastState + ": " + result.get("message")));
            }
        }

        private void fail(Throwable t) {
            if (!finished) {
                finished = true;
                getContext().onFailure(t);
            }
        }

        @Override
        public void stop(@NonNull Throwable cause) throws Exception {
            finished = true;
            ScheduledFuture<?> t = task;
            if (t != null) {
                t.cancel(false);
            }
            getContext().onFailure(cause);
        }

        @Override
        public void onResume() {
            if (finished) {
                return;
            }
            if (jobId == null) {
                fail(new AbortException(STEP + ": Jenkins restarted before CSO returned a job id for " + device + " "
                        + port + "; check CSO for a deploy in progress before running again"));
                return;
            }
            try {
                runtime().log("resuming: polling CSO job " + jobId);
            } catch (Exception e) {
                // logging is best effort; polling is what matters
            }
            schedulePoll(0);
        }

        @Override
        public String getStatus() {
            String id = jobId;
            return id == null ? "starting the CSO deploy" : "polling CSO job " + id + " (" + lastState + ")";
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "csoDeploy";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "MESA: deploy a port profile through Juniper CSO";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        public FormValidation doCheckDevice(@QueryParameter String value) {
            return StepForms.required(value, "the CSO device name");
        }

        public FormValidation doCheckPort(@QueryParameter String value) {
            return StepForms.port(value);
        }

        public FormValidation doCheckProfile(@QueryParameter String value) {
            return StepForms.profile(value);
        }

        public FormValidation doCheckPollSeconds(@QueryParameter String value) {
            return Bounds.validate(value, 1, 600);
        }

        public FormValidation doCheckTimeoutMinutes(@QueryParameter String value) {
            return Bounds.validate(value, 1, 1440);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return StepForms.credentials(item, credentialsId, StandardUsernamePasswordCredentials.class);
        }
    }
}
