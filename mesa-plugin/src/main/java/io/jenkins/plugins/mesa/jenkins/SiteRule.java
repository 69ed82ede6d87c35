package io.jenkins.plugins.mesa.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.regex.Pattern;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * Per-site (optionally per-switch) choice of the change back-end and of the port profiles. The first rule
 * whose site matches (id or name) and whose switch pattern matches the switch name wins; no match means the
 * global defaults. For the back-end, mesa-core chooses by switch name or by site, never by both: a rule with a
 * switch pattern applies to the switches with a pinned host key whose name it matches (see
 * {@code CoreFacade#backends}); its site is not checked there.
 */
public final class SiteRule extends AbstractDescribableImpl<SiteRule> {
    private final String site;
    private String switchPattern = "";
    private ChangeBackend backend = ChangeBackend.JUNOS;
    private String apProfile = "";
    private String securedProfile = "";

    @DataBoundConstructor
    public SiteRule(String site) {
        this.site = Util.fixNull(site).trim();
    }

    public String getSite() {
        return site;
    }

    public String getSwitchPattern() {
        return switchPattern;
    }

    /** A regular expression matched against the whole switch name; empty = every switch of the site. */
    @DataBoundSetter
    public void setSwitchPattern(String switchPattern) {
        this.switchPattern = Util.fixNull(switchPattern).trim();
    }

    public ChangeBackend getBackend() {
        return backend;
    }

    @DataBoundSetter
    public void setBackend(ChangeBackend backend) {
        this.backend = backend == null ? ChangeBackend.JUNOS : backend;
    }

    public String getApProfile() {
        return apProfile;
    }

    /** Overrides the global AP profile name for this site; empty = the global one. */
    @DataBoundSetter
    public void setApProfile(String apProfile) {
        this.apProfile = Util.fixNull(apProfile).trim();
    }

    public String getSecuredProfile() {
        return securedProfile;
    }

    /** Overrides the global secured profile name for this site; empty = the global one. */
    @DataBoundSetter
    public void setSecuredProfile(String securedProfile) {
        this.securedProfile = Util.fixNull(securedProfile).trim();
    }

    /** True when this rule applies to the given site and switch. */
    public boolean matches(String siteId, String siteName, String switchName) {
        boolean siteMatches =
                site.equalsIgnoreCase(Util.fixNull(siteId)) || site.equalsIgnoreCase(Util.fixNull(siteName));
        if (!siteMatches) {
            return false;
        }
        return switchPattern.isEmpty()
                || Pattern.compile(switchPattern)
                        .matcher(Util.fixNull(switchName))
                        .matches();
    }

    @Extension
    @Symbol("siteRule")
    public static final class DescriptorImpl extends Descriptor<SiteRule> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Site rule";
        }

        public FormValidation doCheckSite(@QueryParameter String value) {
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.error("Enter the Mist site id or the site name.")
                    : FormValidation.ok();
        }

        public FormValidation doCheckSwitchPattern(@QueryParameter String value) {
            return RegexField.check(value, "switch name");
        }

        public ListBoxModel doFillBackendItems() {
            ListBoxModel items = new ListBoxModel();
            for (ChangeBackend b : ChangeBackend.values()) {
                items.add(b.label(), b.name());
            }
            return items;
        }
    }
}
