package io.jenkins.plugins.mesa.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.mesa.Secret;
import java.util.List;
import java.util.Map;

/**
 * Everything mesa-core needs to build its step facade, taken from {@link MesaConfiguration} with the
 * credentials already resolved (in the run's context) into {@link Secret}s. Jenkins-free values only.
 * Secrets print as {@code ****}.
 */
public record MesaSettings(
        String mistCloud,
        String mistOrgId,
        @CheckForNull Secret mistToken,
        @CheckForNull Secret webhookSecret,
        boolean allowLegacySignature,
        int holdDownSeconds,
        int outageWindowSeconds,
        int outageThresholdCount,
        int outageThresholdPercent,
        boolean lldpGuard,
        boolean lldpFromSwitch,
        String defaultBackend,
        List<SiteBackend> siteRules,
        @CheckForNull SwitchLogin switchLogin,
        int netconfPort,
        int switchTimeoutSeconds,
        int confirmMinutes,
        Map<String, String> hostKeys,
        String csoUrl,
        String csoTenant,
        @CheckForNull String csoUser,
        @CheckForNull Secret csoPassword,
        String apProfile,
        String securedProfile,
        int dedupWindowMinutes,
        CsoProfiles csoProfiles) {

    public MesaSettings {
        siteRules = List.copyOf(siteRules);
        hostKeys = Map.copyOf(hostKeys);
        csoProfiles = csoProfiles == null ? CsoProfiles.NONE : csoProfiles;
    }

    /** Settings without CSO port profiles (CSO then refuses every profile). */
    public MesaSettings(
            String mistCloud,
            String mistOrgId,
            @CheckForNull Secret mistToken,
            @CheckForNull Secret webhookSecret,
            boolean allowLegacySignature,
            int holdDownSeconds,
            int outageWindowSeconds,
            int outageThresholdCount,
            int outageThresholdPercent,
            boolean lldpGuard,
            boolean lldpFromSwitch,
            String defaultBackend,
            List<SiteBackend> siteRules,
            @CheckForNull SwitchLogin switchLogin,
            int netconfPort,
            int switchTimeoutSeconds,
            int confirmMinutes,
            Map<String, String> hostKeys,
            String csoUrl,
            String csoTenant,
            @CheckForNull String csoUser,
            @CheckForNull Secret csoPassword,
            String apProfile,
            String securedProfile,
            int dedupWindowMinutes) {
        this(mistCloud, mistOrgId, mistToken, webhookSecret, allowLegacySignature, holdDownSeconds,
                outageWindowSeconds, outageThresholdCount, outageThresholdPercent, lldpGuard, lldpFromSwitch,
                defaultBackend, siteRules, switchLogin, netconfPort, switchTimeoutSeconds, confirmMinutes, hostKeys,
                csoUrl, csoTenant, csoUser, csoPassword, apProfile, securedProfile, dedupWindowMinutes,
                CsoProfiles.NONE);
    }

    /**
     * The CSO port profiles behind MESA's AP and secured profiles; empty name = not configured, VLAN 0 = none.
     */
    public record CsoProfiles(String apPortProfile, String securedPortProfile, int nativeVlan, int accessVlan) {
        public static final CsoProfiles NONE = new CsoProfiles("", "", 0, 0);
    }

    /** A per-site (optionally per-switch) back-end and profile choice; empty profile = the global one. */
    public record SiteBackend(
            String site, String switchPattern, String backend, String apProfile, String securedProfile) {}

    /** How to log in to switches: a username with a password or with a private key (and its passphrase). */
    public record SwitchLogin(
            String username,
            @CheckForNull Secret password,
            @CheckForNull Secret privateKey,
            @CheckForNull Secret passphrase) {}
}
