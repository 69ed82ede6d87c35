package io.jenkins.plugins.mesa.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import java.util.regex.Pattern;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;

/**
 * The SSH host key MESA accepts for one switch: OpenSSH's {@code SHA256:<base64>} fingerprint. A switch
 * without a pin is refused, never trusted on first use.
 */
public final class HostKeyPin extends AbstractDescribableImpl<HostKeyPin> {
    static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");

    private final String host;
    private final String fingerprint;

    @DataBoundConstructor
    public HostKeyPin(String host, String fingerprint) {
        this.host = Util.fixNull(host).trim();
        this.fingerprint = Util.fixNull(fingerprint).trim();
    }

    /** Switch management host name or address, as Mist reports it or as given to {@code junosApplyProfile}. */
    public String getHost() {
        return host;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    @Extension
    @Symbol("hostKey")
    public static final class DescriptorImpl extends Descriptor<HostKeyPin> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Switch host key";
        }

        public FormValidation doCheckHost(@QueryParameter String value) {
            String v = Util.fixEmptyAndTrim(value);
            if (v == null) {
                return FormValidation.error("Enter the switch's management host name or address.");
            }
            return v.matches("[A-Za-z0-9.:\\-\\[\\]_]+")
                    ? FormValidation.ok()
                    : FormValidation.error("A host name or an IP address, without scheme or port.");
        }

        public FormValidation doCheckFingerprint(@QueryParameter String value) {
            String v = Util.fixEmptyAndTrim(value);
            if (v == null) {
                return FormValidation.error(
                        "Enter the key fingerprint, e.g. from: ssh-keyscan -p 830 HOST | ssh-keygen -lf -");
            }
            return FINGERPRINT.matcher(v).matches()
                    ? FormValidation.ok()
                    : FormValidation.error("Expected OpenSSH's form SHA256:<43 base64 characters>.");
        }
    }
}
