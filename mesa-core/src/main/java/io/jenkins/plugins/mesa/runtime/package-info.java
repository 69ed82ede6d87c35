/**
 * One place that turns a {@link io.jenkins.plugins.mesa.config.MesaConfig} into working parts
 * ({@link io.jenkins.plugins.mesa.runtime.MesaRuntime}) and the pipeline-step facade over them
 * ({@link io.jenkins.plugins.mesa.runtime.CoreSteps}), shared by {@code mesa serve}, {@code mesa lab}
 * and the Jenkins plugin.
 */
package io.jenkins.plugins.mesa.runtime;
