package io.jenkins.plugins.mesa.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import org.junit.jupiter.api.Test;

/** {@code unclassified: mesa:} in JCasC: applied as written, exported back the same way, no secret in it. */
@WithJenkinsConfiguredWithCode
class MesaConfigurationCascTest {

    @Test
    @ConfiguredWithCode("casc.yml")
    void theYamlIsAppliedAndExportedBack(JenkinsConfiguredWithCodeRule j) throws Exception {
        MesaConfiguration c = MesaConfiguration.get();
        assertThat(c.getMistCloud()).isEqualTo("https://api.eu.mist.com");
        assertThat(c.getMistTokenCredentialsId()).isEqualTo("mist-token");
        assertThat(c.getWebhookSecretCredentialsId()).isEqualTo("mist-webhook-secret");
        assertThat(c.getHoldDownSeconds()).isEqualTo(90);
        assertThat(c.getOutageThresholdCount()).isEqualTo(4);
        assertThat(c.isLldpFromSwitch()).isTrue();
        assertThat(c.getSiteRules())
                .extracting(SiteRule::getBackend)
                .containsExactly(ChangeBackend.CSO, ChangeBackend.MIST);
        assertThat(c.ruleFor("x", "HQ", "ex-mist-01").getApProfile()).isEqualTo("ap-hq");
        assertThat(c.hostKeyFor("ex-lobby.example.net")).startsWith("SHA256:");
        assertThat(c.getCsoCredentialsId()).isEqualTo("cso-login");
        assertThat(WebhookSecret.resolve(c)).isNotNull();

        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode mesa = Util.getUnclassifiedRoot(context).get("mesa");
        String exported = Util.toYamlString(mesa);

        assertThat(exported)
                .containsPattern("mistOrgId: \"?6748cfa6-4e12-11e6-9188-0242ac110007")
                .containsPattern("holdDownSeconds: \"?90")
                .containsPattern("backend: \"?CSO")
                .containsPattern("switchPattern: \"?ex-mist-\\.\\*")
                .containsPattern("webhookSecretCredentialsId: \"?mist-webhook-secret")
                .doesNotContain("s3cret-for-tests")
                .doesNotContain("token-for-tests");
    }
}
