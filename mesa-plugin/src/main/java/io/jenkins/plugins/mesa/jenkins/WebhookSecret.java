package io.jenkins.plugins.mesa.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.security.ACL;
import io.jenkins.plugins.mesa.Secret;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** The configured webhook secret, resolved from its global Secret text credential. */
final class WebhookSecret {
    private WebhookSecret() {}

    /** The secret, or null when none is configured, the id does not resolve, or the value is empty. */
    @CheckForNull
    static Secret resolve(MesaConfiguration config) {
        String id = Util.fixEmptyAndTrim(config.getWebhookSecretCredentialsId());
        if (id == null) {
            return null;
        }
        StringCredentials c = CredentialsProvider.findCredentialByIdInItemGroup(
                id, StringCredentials.class, Jenkins.get(), ACL.SYSTEM2, null);
        if (c == null) {
            return null;
        }
        String plain = c.getSecret().getPlainText();
        return plain.isEmpty() ? null : Secret.of(plain);
    }
}
