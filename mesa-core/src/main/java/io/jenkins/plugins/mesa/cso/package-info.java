/**
 * The Juniper CSO (Contrail Service Orchestration) back-end: Keystone v3 login with token reuse,
 * device / LAN segment / port profile look-ups, port-profile association, deploy and deploy-job
 * polling.
 *
 * <p>The calls follow the original MESA's {@code cso.py} (Keystone {@code /v3/auth/tokens},
 * {@code /data-view-central/device}, {@code /topology-service/lan-segment/_filter},
 * {@code /tssm/port-profile}, {@code /tssm/apply-port-config-association},
 * {@code /tssm/deploy-port-config-association}). CSO is end-of-life and two things the original
 * never used are thinly documented, so they are assumptions made configurable in
 * {@link io.jenkins.plugins.mesa.cso.CsoPaths} and {@link io.jenkins.plugins.mesa.cso.CsoJobFields}:
 * <ul>
 *   <li>the deploy call answers {@code {"output":{"job_id":"…"}}} like the other {@code /tssm/}
 *       operations seen in public CSO collections, and the job is read with
 *       {@code GET /job-service/job/<id>} answering {@code {"job":{"status":"in-progress"|"success"|"failed",…}}};</li>
 *   <li>the device's ports are listed by {@code GET /data-view-central/device-port?parent_id=<device>}
 *       (defined but unused in the original); MESA reads it only to check the port exists and to
 *       show the port profile it had, and carries on without it when the answer is not understood.</li>
 * </ul>
 */
package io.jenkins.plugins.mesa.cso;
