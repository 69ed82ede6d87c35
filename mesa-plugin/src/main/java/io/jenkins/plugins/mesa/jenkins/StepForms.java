package io.jenkins.plugins.mesa.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.InterfaceName;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/** Snippet Generator checks and credential drop-downs shared by the MESA steps. */
final class StepForms {
    private static final List<DomainRequirement> NO_DOMAIN_REQUIREMENTS = List.of();

    private StepForms() {}

    static FormValidation required(String value, String what) {
        return Util.fixEmptyAndTrim(value) == null ? FormValidation.error("Enter " + what + ".") : FormValidation.ok();
    }

    static FormValidation mac(String value) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.error("Enter a MAC address.");
        }
        if (v.contains("${") || v.startsWith("env.")) {
            return FormValidation.ok(); // an expression, checked when the step runs
        }
        try {
            MacAddress.parse(v);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error("Not a MAC address (5c:5b:35:0e:55:c8, 5c5b.350e.55c8 or 5c5b350e55c8).");
        }
    }

    static FormValidation port(String value) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.error("Enter the switch port, e.g. ge-0/0/12.");
        }
        if (v.contains("${")) {
            return FormValidation.ok();
        }
        return InterfaceName.looksLikeInterface(v)
                ? FormValidation.ok()
                : FormValidation.error("Not a Junos interface name (ge-0/0/12, mge-1/0/47, …).");
    }

    static FormValidation profile(String value) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.error("Enter a profile: ap, secured or a configured custom profile name.");
        }
        return MesaConfiguration.checkProfile(v);
    }

    /** Credentials a user configuring {@code item} may pick, per the Credentials plugin's consumer guide. */
    static ListBoxModel credentials(Item item, String current, Class<? extends StandardCredentials> type) {
        StandardListBoxModel result = new StandardListBoxModel();
        boolean allowed = item == null
                ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
        if (!allowed) {
            result.includeCurrentValue(current);
            return result;
        }
        Authentication auth = item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        if (item == null) {
            result.includeEmptyValue()
                    .includeMatchingAs(auth, Jenkins.get(), type, NO_DOMAIN_REQUIREMENTS, CredentialsMatchers.always());
        } else {
            result.includeEmptyValue()
                    .includeMatchingAs(auth, item, type, NO_DOMAIN_REQUIREMENTS, CredentialsMatchers.always());
        }
        result.includeCurrentValue(current);
        return result;
    }
}
