/**
 * The event flow: {@link io.jenkins.plugins.mesa.flow.EventFlow} takes AP events ({@code accept}) and acts on them
 * when due ({@code runDue}), asking the guards, Mist and the chosen back-end, and writing one audit record per
 * outcome. Its memory lives in small store interfaces ({@link io.jenkins.plugins.mesa.flow.FlowStores}): in memory
 * here, durable in the hosts. Every step is idempotent and the pending item is removed last, so a host that dies
 * mid-step (kill -9) redoes it on restart without harm.
 */
package io.jenkins.plugins.mesa.flow;
