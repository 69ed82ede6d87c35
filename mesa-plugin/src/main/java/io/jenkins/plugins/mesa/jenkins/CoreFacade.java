package io.jenkins.plugins.mesa.jenkins;

import io.jenkins.plugins.mesa.MesaException;
import io.jenkins.plugins.mesa.steps.MesaSteps;

/**
 * The one seam between the plugin and mesa-core's construction of the step facade: every step obtains its
 * {@link MesaSteps} here, from the run's {@link MesaSettings} and the plugin's durable {@link MesaState}
 * (which backs the core's port registry). Nothing else in the plugin builds core services for the steps.
 */
final class CoreFacade {
    private CoreFacade() {}

    /**
     * Builds the facade for one step call. mesa-core does not yet publish a factory for {@link MesaSteps};
     * until it does, this refuses with a typed error that the step reports as a one-line failure.
     */
    static MesaSteps create(MesaSettings settings, MesaState state) {
        throw new Unavailable();
    }

    /** The core facade factory is not part of this build. */
    static final class Unavailable extends MesaException {
        Unavailable() {
            super("facade-unavailable", "this MESA build has no mesa-core step facade factory");
        }
    }
}
