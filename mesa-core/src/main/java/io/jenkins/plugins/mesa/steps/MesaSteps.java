package io.jenkins.plugins.mesa.steps;

import java.util.Map;

/**
 * The Jenkins-free facade behind MESA's pipeline steps. Each operation takes the step's named
 * arguments as a map and returns a map of plain, serialisable values (String, Boolean, Number,
 * List, Map of those) usable in the Groovy sandbox without script approval. The Jenkins steps in
 * {@code mesa-plugin} and the Jenkinsfile tests here call exactly these methods.
 *
 * <p>Bad arguments throw {@link StepArgumentException}; a failed change returns normally with
 * {@code changed=false, failed=true, failedStage, leftIn, message} so the step can fail the run
 * with that information. No returned value or message contains a secret.
 */
public interface MesaSteps {

    /**
     * {@code mistLookupPort(mac:, siteId:, orgId?)} → {@code found (Boolean), switchName, switchMac,
     * managementHost, port, mistManaged (Boolean), source ("lldp" | "registry"), siteId}; when the port
     * registry remembers the AP on another port: {@code moved=true, previousSwitchName, previousSwitchMac,
     * previousPort, previousMistManaged}; {@code found=false} with {@code reason} when the AP has no known
     * uplink.
     */
    Map<String, Object> lookupPort(Map<String, Object> args);

    /**
     * {@code mistCheckOutage(siteId:)} → {@code outage (Boolean), disconnected, total, windowSeconds,
     * thresholdCount, thresholdRatio, explanation}.
     */
    Map<String, Object> checkOutage(Map<String, Object> args);

    /**
     * {@code mistValidateLldp(switchMac:, port:, apMac:, siteId:)} → {@code apPresent (Boolean), portUp (Boolean),
     * neighbourMac ("" when none), source, explanation}. {@code apPresent} means "do not secure the port": the AP
     * is the port's LLDP neighbour, or no source knows the port and {@code guards.lldp.whenUnknown} is no-change.
     */
    Map<String, Object> validateLldp(Map<String, Object> args);

    /**
     * {@code junosApplyProfile(switch:, port:, profile:, dryRun?, confirmMinutes?, comment?, apMac?, apName?)} →
     * {@code outcome ("CHANGED"|"UNCHANGED"|"DRY_RUN"|"FAILED"), changed, failed, diff, comment, remoteRef,
     * timings (Map stage → millis), failedStage, leftIn, message}. With {@code apMac}, a change that leaves
     * the port in the profile (changed or already so; not a dry run) is remembered in the port registry as
     * that AP's port, which is how {@link #lookupPort} later notices that the AP moved.
     */
    Map<String, Object> junosApplyProfile(Map<String, Object> args);

    /**
     * {@code mistApplyPortProfile(switchMac:, port:, profile:, siteId?, dryRun?, apMac?, apName?)} → as
     * {@link #junosApplyProfile}, including the port registry.
     */
    Map<String, Object> mistApplyPortProfile(Map<String, Object> args);

    /** First half of {@code csoDeploy(device:, port:, profile:)}: assign and start the deploy → {@code jobId, summary}. */
    Map<String, Object> csoStartDeploy(Map<String, Object> args);

    /** Second half of {@code csoDeploy}: one poll → {@code jobId, state ("RUNNING"|"SUCCEEDED"|"FAILED"), done, message}. */
    Map<String, Object> csoPollDeploy(String jobId);

    /**
     * {@code mistEvent(payload:, signature?)}: verify (when a signature is given or a secret is configured) and
     * parse a raw webhook body → {@code topic, events (List of event maps: eventId, type, apMac, apName, siteId,
     * siteName, orgId, timestamp (epoch seconds)), ignored (List of {index, type, why})}.
     */
    Map<String, Object> parseEvent(String payload, String signature);
}
