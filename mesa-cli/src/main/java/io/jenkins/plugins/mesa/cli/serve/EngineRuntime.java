package io.jenkins.plugins.mesa.cli.serve;

import io.jenkins.plugins.mesa.config.MesaConfig;
import io.jenkins.plugins.mesa.flow.EventFlow;
import io.jenkins.plugins.mesa.flow.FlowStores;
import java.time.Clock;

/** The parts of MESA built from a configuration that the engine drives: the flow, and what to close after it. */
final class EngineRuntime implements AutoCloseable {
    private final EventFlow flow;
    private final AutoCloseable resources;

    private EngineRuntime(EventFlow flow, AutoCloseable resources) {
        this.flow = flow;
        this.resources = resources;
    }

    static EngineRuntime build(MesaConfig config, FlowStores stores, Clock clock) {
        throw new UnsupportedOperationException("waiting for MesaRuntime");
    }

    EventFlow flow() {
        return flow;
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(EngineRuntime.class).warn("closing the runtime failed ({})",
                    e.getClass().getName());
        }
    }
}
