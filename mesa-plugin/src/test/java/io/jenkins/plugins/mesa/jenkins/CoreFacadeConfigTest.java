package io.jenkins.plugins.mesa.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.config.Backend;
import io.jenkins.plugins.mesa.config.CsoConfig;
import io.jenkins.plugins.mesa.config.MesaConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the plugin's global configuration becomes mesa-core's {@link MesaConfig}. */
class CoreFacadeConfigTest {
    private static final String PIN = "SHA256:" + "b".repeat(43);

    @Test
    void aSiteRuleWithASwitchPatternChoosesTheBackEndOfTheMatchingSwitchesOnly() {
        Map<String, String> pins = new LinkedHashMap<>();
        pins.put("ex-br12-01", PIN);
        pins.put("ex-br12-02", PIN);
        pins.put("ex-core", PIN);
        MesaConfig c = CoreFacade.config(settings(
                List.of(
                        new MesaSettings.SiteBackend("Branch 12", "ex-br12-.*", "CSO", "", ""),
                        new MesaSettings.SiteBackend("Branch 12", "ex-br12-01", "MIST", "", ""),
                        new MesaSettings.SiteBackend("HQ", "", "MIST", "", "")),
                pins,
                MesaSettings.CsoProfiles.NONE));

        assertThat(c.backends().bySwitch())
                .containsExactlyInAnyOrderEntriesOf(Map.of("ex-br12-01", Backend.CSO, "ex-br12-02", Backend.CSO));
        assertThat(c.backends().bySite()).containsExactlyEntriesOf(Map.of("HQ", Backend.MIST));
        // the pattern's rule must not turn the whole site over to CSO: ex-core keeps the default
        assertThat(c.backends().select("ex-core", "site-12", "Branch 12", false)).isEqualTo(Backend.JUNOS);
        assertThat(c.backends().select("ex-br12-02", "site-12", "Branch 12", false)).isEqualTo(Backend.CSO);
    }

    @Test
    void theCsoSettingsBecomeTheCsoBackEndWithBothProfiles() {
        MesaConfig c = CoreFacade.config(settings(
                List.of(), Map.of(), new MesaSettings.CsoProfiles("AP-TRUNK", "DOT1X", 10, 20)));

        assertThat(c.cso()).hasValueSatisfying(cso -> {
            assertThat(cso.baseUrl()).hasToString("https://cso.example.net");
            assertThat(cso.user()).isEqualTo("mesa");
            assertThat(cso.password().reveal()).isEqualTo("cso-password-for-tests");
            assertThat(cso.project()).isEqualTo("acme");
            assertThat(cso.profiles().get("ap"))
                    .isEqualTo(new CsoConfig.Profile("AP-TRUNK", List.of(), Optional.of(10), Optional.empty()));
            assertThat(cso.profiles().get("secured"))
                    .isEqualTo(new CsoConfig.Profile("DOT1X", List.of(), Optional.empty(), Optional.of(20)));
            assertThat(cso.toString()).doesNotContain("cso-password-for-tests");
        });
    }

    @Test
    void withoutCsoPortProfilesThereIsNoCsoBackEnd() {
        MesaConfig c = CoreFacade.config(settings(List.of(), Map.of(), MesaSettings.CsoProfiles.NONE));

        assertThat(c.cso()).isEmpty();
    }

    @Test
    void theFacadeIsAlwaysWired() {
        assertThat(FacadeWired.facadeWired()).isTrue();
    }

    private static MesaSettings settings(
            List<MesaSettings.SiteBackend> rules, Map<String, String> pins, MesaSettings.CsoProfiles cso) {
        return new MesaSettings(
                "https://127.0.0.1",
                "6748cfa6-4e12-11e6-9188-0242ac110007",
                null,
                null,
                false,
                60,
                300,
                5,
                30,
                true,
                false,
                "JUNOS",
                rules,
                new MesaSettings.SwitchLogin("mesa", Secret.of("switch-pw"), null, null),
                830,
                30,
                5,
                pins,
                "https://cso.example.net",
                "acme",
                "mesa",
                Secret.of("cso-password-for-tests"),
                "ap",
                "secured",
                1440,
                cso);
    }
}
