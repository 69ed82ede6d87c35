package io.jenkins.plugins.mesa.jenkins;

/**
 * Whether this build's {@link CoreFacade} builds a real mesa-core facade. Tests that exercise the steps
 * end to end run only then ({@code @EnabledIf}); until mesa-core publishes its factory they are skipped,
 * visibly, with this class named as the reason.
 */
final class FacadeWired {
    private FacadeWired() {}

    static boolean facadeWired() {
        try {
            CoreFacade.create(
                    new MesaSettings(
                            "https://127.0.0.1",
                            "",
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
                            java.util.List.of(),
                            null,
                            830,
                            30,
                            5,
                            java.util.Map.of(),
                            "",
                            "",
                            null,
                            null,
                            "ap",
                            "secured",
                            1440),
                    null);
            return true;
        } catch (CoreFacade.Unavailable e) {
            return false;
        } catch (RuntimeException e) {
            return true; // a real factory that refuses these dummy settings is still a real factory
        }
    }
}
