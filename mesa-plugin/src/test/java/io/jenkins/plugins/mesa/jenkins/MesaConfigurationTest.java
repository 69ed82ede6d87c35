package io.jenkins.plugins.mesa.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.FormValidation;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The global configuration page and its validation. */
@WithJenkins
class MesaConfigurationTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        j = rule;
    }

    @Test
    void theConfigurationPageRoundTripsEveryField() throws Exception {
        SignedWebhook.configureSecret();
        MesaConfiguration c = MesaConfiguration.get();
        c.setMistCloud("https://api.eu.mist.com");
        c.setMistOrgId(SignedWebhook.ORG);
        c.setHoldDownSeconds(120);
        c.setOutageThresholdCount(4);
        c.setDefaultBackend(ChangeBackend.MIST);
        SiteRule rule = new SiteRule("Branch 12");
        rule.setBackend(ChangeBackend.CSO);
        rule.setSwitchPattern("ex-br12-.*");
        c.setSiteRules(List.of(rule));
        c.setHostKeys(List.of(new HostKeyPin("10.0.0.2", "SHA256:" + "b".repeat(43))));
        c.setApProfile("ap-trunk");
        c.setCsoUrl("https://cso.example.net");
        c.setCsoApPortProfile("AP-TRUNK");
        c.setCsoSecuredPortProfile("DOT1X");
        c.setCsoNativeVlan(10);
        c.setCsoAccessVlan(20);

        j.configRoundtrip();

        MesaConfiguration after = MesaConfiguration.get();
        assertThat(after.getMistCloud()).isEqualTo("https://api.eu.mist.com");
        assertThat(after.getMistOrgId()).isEqualTo(SignedWebhook.ORG);
        assertThat(after.getWebhookSecretCredentialsId()).isEqualTo(SignedWebhook.CREDENTIALS_ID);
        assertThat(after.getHoldDownSeconds()).isEqualTo(120);
        assertThat(after.getOutageThresholdCount()).isEqualTo(4);
        assertThat(after.getDefaultBackend()).isEqualTo(ChangeBackend.MIST);
        assertThat(after.getSiteRules()).singleElement().satisfies(r -> {
            assertThat(r.getSite()).isEqualTo("Branch 12");
            assertThat(r.getBackend()).isEqualTo(ChangeBackend.CSO);
            assertThat(r.getSwitchPattern()).isEqualTo("ex-br12-.*");
        });
        assertThat(after.getHostKeys()).extracting(HostKeyPin::getHost).containsExactly("10.0.0.2");
        assertThat(after.getApProfile()).isEqualTo("ap-trunk");
        assertThat(after.getCsoApPortProfile()).isEqualTo("AP-TRUNK");
        assertThat(after.getCsoSecuredPortProfile()).isEqualTo("DOT1X");
        assertThat(after.getCsoNativeVlan()).isEqualTo(10);
        assertThat(after.getCsoAccessVlan()).isEqualTo(20);
        assertThat(after.ruleFor("x", "Branch 12", "ex-br12-01")).isNotNull();
        assertThat(after.ruleFor("x", "Branch 12", "ex-core")).isNull();
    }

    @Test
    void validationCatchesWhatUsersGetWrong() throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "cso-login", "", "mesa", "pw"));
        MesaConfiguration c = MesaConfiguration.get();

        assertThat(c.doCheckMistCloud("http://api.mist.com").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(c.doCheckMistCloud("https://example.com").kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(c.doCheckMistCloud("https://api.gc1.mist.com").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(c.doCheckMistOrgId("my-org").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(c.doCheckWebhookSecretCredentialsId("").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(c.doCheckWebhookSecretCredentialsId("nope").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(c.doCheckWebhookSecretCredentialsId("cso-login").kind)
                .as("a username/password is not a secret text")
                .isEqualTo(FormValidation.Kind.ERROR);
        assertThat(c.doCheckCsoCredentialsId("cso-login", "https://cso.example.net").kind)
                .isEqualTo(FormValidation.Kind.OK);
        assertThat(c.doCheckHoldDownSeconds("-1").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(c.doCheckHoldDownSeconds("0").kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(c.doCheckOutageThresholdPercent("101").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(c.doCheckNetconfPort("eight-thirty").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(c.doCheckApProfile("ap trunk").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(c.doCheckCsoUrl("https://user:pw@cso.example.net").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(c.doCheckCsoApPortProfile("", "https://cso.example.net").kind)
                .isEqualTo(FormValidation.Kind.ERROR);
        assertThat(c.doCheckCsoApPortProfile("", "").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(c.doCheckCsoSecuredPortProfile("DOT1X", "https://cso.example.net").kind)
                .isEqualTo(FormValidation.Kind.OK);
        assertThat(c.doCheckCsoNativeVlan("4095").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(c.doCheckCsoAccessVlan("20").kind).isEqualTo(FormValidation.Kind.OK);
        HostKeyPin.DescriptorImpl keys = j.jenkins.getDescriptorByType(HostKeyPin.DescriptorImpl.class);
        assertThat(keys.doCheckFingerprint("MD5:aa:bb").kind).isEqualTo(FormValidation.Kind.ERROR);
        SiteRule.DescriptorImpl rules = j.jenkins.getDescriptorByType(SiteRule.DescriptorImpl.class);
        assertThat(rules.doCheckSwitchPattern("ex-(").kind).isEqualTo(FormValidation.Kind.ERROR);
        MistEventTrigger.DescriptorImpl trigger = j.jenkins.getDescriptorByType(MistEventTrigger.DescriptorImpl.class);
        assertThat(trigger.doCheckEventTypes("AP_CONNECTED, AP_OFFLINE").kind).isEqualTo(FormValidation.Kind.ERROR);
    }

    @Test
    void outOfRangeValuesAreRefusedWhenSetAndChangeNothing() {
        MesaConfiguration c = MesaConfiguration.get();

        assertThatThrownBy(() -> c.setHoldDownSeconds(99_999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holdDownSeconds");
        assertThat(c.getHoldDownSeconds()).isEqualTo(60);
        assertThatThrownBy(() -> new MistEventTrigger().setEventTypes("AP_OFFLINE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AP_OFFLINE");
    }
}
