package io.jenkins.plugins.mesa.jenkins;

import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import hudson.model.Job;
import hudson.security.ACL;
import hudson.security.ACLContext;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;

/**
 * Tells administrators that the Mist webhook refuses everything because no webhook secret is configured,
 * once a job subscribes to Mist events or a webhook has been refused for that reason.
 */
@Extension
public final class WebhookSecretMonitor extends AdministrativeMonitor {
    private static volatile boolean refusedSinceStart;

    static void refusedForMissingSecret() {
        refusedSinceStart = true;
    }

    @Override
    public String getDisplayName() {
        return "MESA webhook secret missing";
    }

    @Override
    public boolean isActivated() {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            if (WebhookSecret.resolve(MesaConfiguration.get()) != null) {
                return false;
            }
            if (refusedSinceStart) {
                return true;
            }
            for (Job<?, ?> job : Jenkins.get().allItems(Job.class)) {
                if (ParameterizedJobMixIn.getTrigger(job, MistEventTrigger.class) != null) {
                    return true;
                }
            }
            return false;
        }
    }
}
