package io.jenkins.plugins.mesa.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.EnvironmentContributor;
import hudson.model.Run;
import hudson.model.TaskListener;

/**
 * Puts the triggering Mist event into the run's environment ({@code env.MIST_AP_MAC} in a Pipeline). Chosen
 * over build parameters so jobs need not declare them and SECURITY-170 filtering does not apply.
 */
@Extension
public final class MistEventEnvironment extends EnvironmentContributor {
    @Override
    public void buildEnvironmentFor(@NonNull Run r, @NonNull EnvVars envs, @NonNull TaskListener listener) {
        MistEventCause c = (MistEventCause) r.getCause(MistEventCause.class);
        if (c == null) {
            return;
        }
        envs.put("MIST_EVENT_ID", c.getEventId());
        envs.put("MIST_EVENT_TYPE", c.getType());
        envs.put("MIST_AP_MAC", c.getApMac());
        envs.put("MIST_AP_NAME", c.getApName());
        envs.put("MIST_SITE_ID", c.getSiteId());
        envs.put("MIST_SITE_NAME", c.getSiteName());
        envs.put("MIST_ORG_ID", c.getOrgId());
        envs.put("MIST_EVENT_TIME", c.getEventTime());
        envs.put("MIST_OUTAGE_APS", String.join(",", c.getCoalescedAps()));
    }
}
