package io.jenkins.plugins.mesa.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * MESA's global configuration (Manage Jenkins → System → MESA; JCasC {@code unclassified: mesa:}). Secrets are
 * never stored here: every secret is a Credentials plugin id (secret text, username/password or SSH private key).
 */
@Extension
@Symbol("mesa")
public class MesaConfiguration extends GlobalConfiguration {
    static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final List<DomainRequirement> NO_DOMAIN_REQUIREMENTS = List.of();
    static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,62}");

    // Mist
    private String mistCloud = "https://api.mist.com";
    private String mistOrgId = "";
    private String mistTokenCredentialsId = "";
    // webhook
    private String webhookSecretCredentialsId = "";
    private boolean allowLegacySignature;
    private int maxWebhookKilobytes = 1024;
    private int dedupWindowMinutes = 1440;
    // guards
    private int holdDownSeconds = 60;
    private int outageWindowSeconds = 300;
    private int outageThresholdCount = 5;
    private int outageThresholdPercent = 30;
    private boolean lldpGuard = true;
    private boolean lldpFromSwitch;
    // change back-ends
    private ChangeBackend defaultBackend = ChangeBackend.JUNOS;
    private List<SiteRule> siteRules = new ArrayList<>();
    private String switchCredentialsId = "";
    private int netconfPort = 830;
    private int switchTimeoutSeconds = 30;
    private int confirmMinutes = 5;
    private List<HostKeyPin> hostKeys = new ArrayList<>();
    private String csoUrl = "";
    private String csoTenant = "";
    private String csoCredentialsId = "";
    private String csoApPortProfile = "";
    private String csoSecuredPortProfile = "";
    private int csoNativeVlan;
    private int csoAccessVlan;
    // profiles
    private String apProfile = "ap";
    private String securedProfile = "secured";

    public MesaConfiguration() {
        load();
    }

    /** The singleton instance. */
    public static MesaConfiguration get() {
        return ExtensionList.lookupSingleton(MesaConfiguration.class);
    }

    /** Lists of nested rules are replaced as a whole: a rule removed in the form must disappear. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        try (BulkChange bc = new BulkChange(this)) {
            siteRules = new ArrayList<>();
            hostKeys = new ArrayList<>();
            req.bindJSON(this, json);
            bc.commit();
        } catch (IOException e) {
            throw new FormException("Could not save the MESA configuration: " + e.getMessage(), e, "mesa");
        } catch (IllegalArgumentException e) {
            throw new FormException(e.getMessage(), e, "mesa");
        }
        return true;
    }

    /** Older saved files may lack the lists. */
    protected Object readResolve() {
        if (siteRules == null) {
            siteRules = new ArrayList<>();
        }
        if (hostKeys == null) {
            hostKeys = new ArrayList<>();
        }
        if (defaultBackend == null) {
            defaultBackend = ChangeBackend.JUNOS;
        }
        return this;
    }

    // ---- Mist ------------------------------------------------------------------------------------------

    public String getMistCloud() {
        return mistCloud;
    }

    @DataBoundSetter
    public void setMistCloud(String mistCloud) {
        String v = Util.fixEmptyAndTrim(mistCloud);
        this.mistCloud = v == null ? "https://api.mist.com" : stripTrailingSlash(v);
        save();
    }

    public String getMistOrgId() {
        return mistOrgId;
    }

    @DataBoundSetter
    public void setMistOrgId(String mistOrgId) {
        this.mistOrgId = Util.fixNull(mistOrgId).trim().toLowerCase(Locale.ROOT);
        save();
    }

    public String getMistTokenCredentialsId() {
        return mistTokenCredentialsId;
    }

    @DataBoundSetter
    public void setMistTokenCredentialsId(String mistTokenCredentialsId) {
        this.mistTokenCredentialsId = Util.fixNull(mistTokenCredentialsId).trim();
        save();
    }

    // ---- webhook ---------------------------------------------------------------------------------------

    public String getWebhookSecretCredentialsId() {
        return webhookSecretCredentialsId;
    }

    @DataBoundSetter
    public void setWebhookSecretCredentialsId(String webhookSecretCredentialsId) {
        this.webhookSecretCredentialsId =
                Util.fixNull(webhookSecretCredentialsId).trim();
        save();
    }

    public boolean isAllowLegacySignature() {
        return allowLegacySignature;
    }

    /** Also accept Mist's legacy SHA-1 {@code X-Mist-Signature} when no v2 signature header is sent. */
    @DataBoundSetter
    public void setAllowLegacySignature(boolean allowLegacySignature) {
        this.allowLegacySignature = allowLegacySignature;
        save();
    }

    public int getMaxWebhookKilobytes() {
        return maxWebhookKilobytes;
    }

    @DataBoundSetter
    public void setMaxWebhookKilobytes(int maxWebhookKilobytes) {
        this.maxWebhookKilobytes = Bounds.check("maxWebhookKilobytes", maxWebhookKilobytes, 1, 16384);
        save();
    }

    public int getDedupWindowMinutes() {
        return dedupWindowMinutes;
    }

    @DataBoundSetter
    public void setDedupWindowMinutes(int dedupWindowMinutes) {
        this.dedupWindowMinutes = Bounds.check("dedupWindowMinutes", dedupWindowMinutes, 1, 10080);
        save();
    }

    // ---- guards ----------------------------------------------------------------------------------------

    public int getHoldDownSeconds() {
        return holdDownSeconds;
    }

    @DataBoundSetter
    public void setHoldDownSeconds(int holdDownSeconds) {
        this.holdDownSeconds = Bounds.check("holdDownSeconds", holdDownSeconds, 0, 3600);
        save();
    }

    public int getOutageWindowSeconds() {
        return outageWindowSeconds;
    }

    @DataBoundSetter
    public void setOutageWindowSeconds(int outageWindowSeconds) {
        this.outageWindowSeconds = Bounds.check("outageWindowSeconds", outageWindowSeconds, 10, 86400);
        save();
    }

    public int getOutageThresholdCount() {
        return outageThresholdCount;
    }

    @DataBoundSetter
    public void setOutageThresholdCount(int outageThresholdCount) {
        this.outageThresholdCount = Bounds.check("outageThresholdCount", outageThresholdCount, 2, 100000);
        save();
    }

    public int getOutageThresholdPercent() {
        return outageThresholdPercent;
    }

    @DataBoundSetter
    public void setOutageThresholdPercent(int outageThresholdPercent) {
        this.outageThresholdPercent = Bounds.check("outageThresholdPercent", outageThresholdPercent, 1, 100);
        save();
    }

    public boolean isLldpGuard() {
        return lldpGuard;
    }

    @DataBoundSetter
    public void setLldpGuard(boolean lldpGuard) {
        this.lldpGuard = lldpGuard;
        save();
    }

    public boolean isLldpFromSwitch() {
        return lldpFromSwitch;
    }

    /** Also ask the switch itself over NETCONF for its LLDP neighbours (two-sided check), not only Mist. */
    @DataBoundSetter
    public void setLldpFromSwitch(boolean lldpFromSwitch) {
        this.lldpFromSwitch = lldpFromSwitch;
        save();
    }

    // ---- back-ends -------------------------------------------------------------------------------------

    public ChangeBackend getDefaultBackend() {
        return defaultBackend;
    }

    @DataBoundSetter
    public void setDefaultBackend(ChangeBackend defaultBackend) {
        this.defaultBackend = defaultBackend == null ? ChangeBackend.JUNOS : defaultBackend;
        save();
    }

    public List<SiteRule> getSiteRules() {
        return List.copyOf(siteRules);
    }

    @DataBoundSetter
    public void setSiteRules(List<SiteRule> siteRules) {
        this.siteRules = siteRules == null ? new ArrayList<>() : new ArrayList<>(siteRules);
        save();
    }

    public String getSwitchCredentialsId() {
        return switchCredentialsId;
    }

    @DataBoundSetter
    public void setSwitchCredentialsId(String switchCredentialsId) {
        this.switchCredentialsId = Util.fixNull(switchCredentialsId).trim();
        save();
    }

    public int getNetconfPort() {
        return netconfPort;
    }

    @DataBoundSetter
    public void setNetconfPort(int netconfPort) {
        this.netconfPort = Bounds.check("netconfPort", netconfPort, 1, 65535);
        save();
    }

    public int getSwitchTimeoutSeconds() {
        return switchTimeoutSeconds;
    }

    @DataBoundSetter
    public void setSwitchTimeoutSeconds(int switchTimeoutSeconds) {
        this.switchTimeoutSeconds = Bounds.check("switchTimeoutSeconds", switchTimeoutSeconds, 1, 600);
        save();
    }

    public int getConfirmMinutes() {
        return confirmMinutes;
    }

    @DataBoundSetter
    public void setConfirmMinutes(int confirmMinutes) {
        this.confirmMinutes = Bounds.check("confirmMinutes", confirmMinutes, 1, 60);
        save();
    }

    public List<HostKeyPin> getHostKeys() {
        return List.copyOf(hostKeys);
    }

    @DataBoundSetter
    public void setHostKeys(List<HostKeyPin> hostKeys) {
        this.hostKeys = hostKeys == null ? new ArrayList<>() : new ArrayList<>(hostKeys);
        save();
    }

    public String getCsoUrl() {
        return csoUrl;
    }

    @DataBoundSetter
    public void setCsoUrl(String csoUrl) {
        this.csoUrl = stripTrailingSlash(Util.fixNull(csoUrl).trim());
        save();
    }

    public String getCsoTenant() {
        return csoTenant;
    }

    @DataBoundSetter
    public void setCsoTenant(String csoTenant) {
        this.csoTenant = Util.fixNull(csoTenant).trim();
        save();
    }

    public String getCsoCredentialsId() {
        return csoCredentialsId;
    }

    @DataBoundSetter
    public void setCsoCredentialsId(String csoCredentialsId) {
        this.csoCredentialsId = Util.fixNull(csoCredentialsId).trim();
        save();
    }

    // ---- profiles --------------------------------------------------------------------------------------

    public String getCsoApPortProfile() {
        return csoApPortProfile;
    }

    /** The CSO port profile that puts a port in the AP profile (a trunk); empty = CSO not configured. */
    @DataBoundSetter
    public void setCsoApPortProfile(String csoApPortProfile) {
        this.csoApPortProfile = Util.fixNull(csoApPortProfile).trim();
        save();
    }

    public String getCsoSecuredPortProfile() {
        return csoSecuredPortProfile;
    }

    /** The CSO port profile that puts a port in the secured profile (an access port). */
    @DataBoundSetter
    public void setCsoSecuredPortProfile(String csoSecuredPortProfile) {
        this.csoSecuredPortProfile = Util.fixNull(csoSecuredPortProfile).trim();
        save();
    }

    public int getCsoNativeVlan() {
        return csoNativeVlan;
    }

    /** Native VLAN of the AP trunk in CSO; 0 = none (the trunk carries every LAN segment of the device). */
    @DataBoundSetter
    public void setCsoNativeVlan(int csoNativeVlan) {
        this.csoNativeVlan = csoNativeVlan;
        save();
    }

    public int getCsoAccessVlan() {
        return csoAccessVlan;
    }

    /** Access VLAN of the secured port in CSO; 0 = none. */
    @DataBoundSetter
    public void setCsoAccessVlan(int csoAccessVlan) {
        this.csoAccessVlan = csoAccessVlan;
        save();
    }

    public String getApProfile() {
        return apProfile;
    }

    @DataBoundSetter
    public void setApProfile(String apProfile) {
        String v = Util.fixEmptyAndTrim(apProfile);
        this.apProfile = v == null ? "ap" : v;
        save();
    }

    public String getSecuredProfile() {
        return securedProfile;
    }

    @DataBoundSetter
    public void setSecuredProfile(String securedProfile) {
        String v = Util.fixEmptyAndTrim(securedProfile);
        this.securedProfile = v == null ? "secured" : v;
        save();
    }

    // ---- derived ---------------------------------------------------------------------------------------

    /** The first site rule for this site and switch, or null for the global defaults. */
    @CheckForNull
    public SiteRule ruleFor(String siteId, String siteName, String switchName) {
        for (SiteRule r : siteRules) {
            if (r.matches(siteId, siteName, switchName)) {
                return r;
            }
        }
        return null;
    }

    /** The pinned host key fingerprint for a switch, or null when none is pinned (the switch will be refused). */
    @CheckForNull
    public String hostKeyFor(String host) {
        for (HostKeyPin p : hostKeys) {
            if (p.getHost().equalsIgnoreCase(host)) {
                return p.getFingerprint();
            }
        }
        return null;
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    // ---- form validation -------------------------------------------------------------------------------

    public FormValidation doCheckMistCloud(@QueryParameter String value) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.ok("Defaults to https://api.mist.com (Global 01).");
        }
        FormValidation https = httpsUrl(v, "Mist API");
        if (https.kind != FormValidation.Kind.OK) {
            return https;
        }
        String host = URI.create(v).getHost();
        return host != null && host.toLowerCase(Locale.ROOT).endsWith(".mist.com")
                ? FormValidation.ok()
                : FormValidation.warning("Not a Mist cloud host (api.mist.com, api.eu.mist.com, api.gc1.mist.com, …).");
    }

    public FormValidation doCheckMistOrgId(@QueryParameter String value) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.error("Enter the Mist organisation id (Organization → Settings).");
        }
        return UUID_FORM.matcher(v).matches()
                ? FormValidation.ok()
                : FormValidation.error("A Mist org id is a UUID, e.g. 6748cfa6-4e12-11e6-9188-0242ac110007.");
    }

    public FormValidation doCheckMistTokenCredentialsId(@QueryParameter String value) {
        return checkCredentials(
                value, StringCredentials.class, "a Secret text credential holding the Mist API token", true);
    }

    public FormValidation doCheckWebhookSecretCredentialsId(@QueryParameter String value) {
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.error(
                    "Without a webhook secret every webhook is refused (403). Add a Secret text credential with the secret set on the Mist webhook.");
        }
        return checkCredentials(value, StringCredentials.class, "a Secret text credential", true);
    }

    public FormValidation doCheckAllowLegacySignature(@QueryParameter boolean value) {
        return value
                ? FormValidation.warning(
                        "SHA-1 signatures are weaker; turn this off once Mist sends X-Mist-Signature-v2.")
                : FormValidation.ok();
    }

    public FormValidation doCheckMaxWebhookKilobytes(@QueryParameter String value) {
        return Bounds.validate(value, 1, 16384);
    }

    public FormValidation doCheckDedupWindowMinutes(@QueryParameter String value) {
        return Bounds.validate(value, 1, 10080);
    }

    public FormValidation doCheckHoldDownSeconds(@QueryParameter String value) {
        FormValidation range = Bounds.validate(value, 0, 3600);
        if (range.kind == FormValidation.Kind.OK && "0".equals(Util.fixEmptyAndTrim(value))) {
            return FormValidation.warning("No hold-down: a rebooting AP's port is reverted before it comes back.");
        }
        return range;
    }

    public FormValidation doCheckOutageWindowSeconds(@QueryParameter String value) {
        return Bounds.validate(value, 10, 86400);
    }

    public FormValidation doCheckOutageThresholdCount(@QueryParameter String value) {
        return Bounds.validate(value, 2, 100000);
    }

    public FormValidation doCheckOutageThresholdPercent(@QueryParameter String value) {
        return Bounds.validate(value, 1, 100);
    }

    public FormValidation doCheckLldpGuard(@QueryParameter boolean value) {
        return value
                ? FormValidation.ok()
                : FormValidation.warning(
                        "Without the LLDP guard a port is reverted even when its AP is still plugged in.");
    }

    public FormValidation doCheckSwitchCredentialsId(@QueryParameter String value) {
        return checkCredentials(
                value,
                StandardUsernameCredentials.class,
                "an SSH username with private key, or a username/password credential",
                false);
    }

    public FormValidation doCheckNetconfPort(@QueryParameter String value) {
        return Bounds.validate(value, 1, 65535);
    }

    public FormValidation doCheckSwitchTimeoutSeconds(@QueryParameter String value) {
        return Bounds.validate(value, 1, 600);
    }

    public FormValidation doCheckConfirmMinutes(@QueryParameter String value) {
        return Bounds.validate(value, 1, 60);
    }

    public FormValidation doCheckCsoUrl(@QueryParameter String value) {
        String v = Util.fixEmptyAndTrim(value);
        return v == null ? FormValidation.ok() : httpsUrl(v, "CSO");
    }

    public FormValidation doCheckCsoCredentialsId(@QueryParameter String value, @QueryParameter String csoUrl) {
        if (Util.fixEmptyAndTrim(value) == null) {
            return Util.fixEmptyAndTrim(csoUrl) == null
                    ? FormValidation.ok()
                    : FormValidation.error("CSO needs a username/password credential.");
        }
        return checkCredentials(
                value, StandardUsernamePasswordCredentials.class, "a username/password credential", false);
    }

    public FormValidation doCheckCsoApPortProfile(@QueryParameter String value, @QueryParameter String csoUrl) {
        return checkCsoPortProfile(value, csoUrl);
    }

    public FormValidation doCheckCsoSecuredPortProfile(@QueryParameter String value, @QueryParameter String csoUrl) {
        return checkCsoPortProfile(value, csoUrl);
    }

    private static FormValidation checkCsoPortProfile(String value, String csoUrl) {
        if (Util.fixEmptyAndTrim(value) == null) {
            return Util.fixEmptyAndTrim(csoUrl) == null
                    ? FormValidation.ok()
                    : FormValidation.error("With a CSO URL, name the CSO port profile.");
        }
        return checkProfile(value);
    }

    /** 0 (none) or a VLAN id. */
    public FormValidation doCheckCsoNativeVlan(@QueryParameter String value) {
        return Bounds.validate(value, 0, 4094);
    }

    /** 0 (none) or a VLAN id. */
    public FormValidation doCheckCsoAccessVlan(@QueryParameter String value) {
        return Bounds.validate(value, 0, 4094);
    }

    public FormValidation doCheckApProfile(@QueryParameter String value) {
        return checkProfile(value);
    }

    public FormValidation doCheckSecuredProfile(@QueryParameter String value) {
        return checkProfile(value);
    }

    static FormValidation checkProfile(String value) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.ok();
        }
        return PROFILE_NAME.matcher(v).matches()
                ? FormValidation.ok()
                : FormValidation.error("A profile name: letters, digits, '.', '_' or '-', at most 63 characters.");
    }

    private static FormValidation httpsUrl(String v, String what) {
        try {
            URI u = new URI(v);
            if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                return FormValidation.error("The " + what + " URL must be https://host[:port][/path].");
            }
            if (u.getUserInfo() != null) {
                return FormValidation.error("Put credentials in a credential, not in the URL.");
            }
            return FormValidation.ok();
        } catch (URISyntaxException e) {
            return FormValidation.error("Not a URL: " + e.getReason());
        }
    }

    /** Checked as SYSTEM in the root context: these ids are resolved that way when used. */
    private static FormValidation checkCredentials(
            String value, Class<? extends IdCredentials> type, String what, boolean required) {
        String id = Util.fixEmptyAndTrim(value);
        if (id == null) {
            return required ? FormValidation.error("Select " + what + ".") : FormValidation.ok();
        }
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        IdCredentials found = CredentialsProvider.findCredentialByIdInItemGroup(
                id, IdCredentials.class, Jenkins.get(), ACL.SYSTEM2, null);
        if (found == null) {
            return FormValidation.error("No credential with id '" + id + "' in the global scope.");
        }
        return type.isInstance(found)
                ? FormValidation.ok()
                : FormValidation.error("Credential '" + id + "' is not " + what + ".");
    }

    // ---- drop-downs ------------------------------------------------------------------------------------

    @POST
    public ListBoxModel doFillMistTokenCredentialsIdItems(@QueryParameter String mistTokenCredentialsId) {
        return credentialItems(StringCredentials.class, mistTokenCredentialsId);
    }

    @POST
    public ListBoxModel doFillWebhookSecretCredentialsIdItems(@QueryParameter String webhookSecretCredentialsId) {
        return credentialItems(StringCredentials.class, webhookSecretCredentialsId);
    }

    @POST
    public ListBoxModel doFillSwitchCredentialsIdItems(@QueryParameter String switchCredentialsId) {
        return credentialItems(StandardUsernameCredentials.class, switchCredentialsId);
    }

    @POST
    public ListBoxModel doFillCsoCredentialsIdItems(@QueryParameter String csoCredentialsId) {
        return credentialItems(StandardUsernamePasswordCredentials.class, csoCredentialsId);
    }

    public ListBoxModel doFillDefaultBackendItems() {
        ListBoxModel items = new ListBoxModel();
        for (ChangeBackend b : ChangeBackend.values()) {
            items.add(b.label(), b.name());
        }
        return items;
    }

    private static <C extends StandardCredentials> ListBoxModel credentialItems(Class<C> type, String current) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            model.includeCurrentValue(current);
            return model;
        }
        model.includeEmptyValue()
                .includeMatchingAs(
                        ACL.SYSTEM2, Jenkins.get(), type, NO_DOMAIN_REQUIREMENTS, CredentialsMatchers.always())
                .includeCurrentValue(current);
        return model;
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return "MESA";
    }
}
