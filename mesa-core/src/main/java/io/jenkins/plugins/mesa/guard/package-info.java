/**
 * The guards: small, pure decisions over figures, each returning a {@link io.jenkins.plugins.mesa.guard.Decision}
 * (guard name, verdict, figures, one-line explanation). They hold no state and do no I/O; the event flow feeds
 * them what the stores and Mist say.
 * <ul>
 *   <li>{@link io.jenkins.plugins.mesa.guard.Dedup}: an event already handled within the window is a duplicate.</li>
 *   <li>{@link io.jenkins.plugins.mesa.guard.HoldDown}: wait before reverting; a comeback cancels the revert.</li>
 *   <li>{@link io.jenkins.plugins.mesa.guard.OutageGuard}: many APs of a site gone at once is an outage, not unplugging.</li>
 *   <li>{@link io.jenkins.plugins.mesa.guard.LldpGuard}: a port that is up with the AP as LLDP neighbour still has the AP.</li>
 * </ul>
 */
package io.jenkins.plugins.mesa.guard;
