package io.jenkins.plugins.mesa.cso;

import java.util.Objects;

/**
 * The CSO object paths MESA calls, relative to the CSO base URI. The defaults are the original
 * MESA's calls plus the job-status path; each can be changed for a CSO release that differs.
 * {@code {device}} in {@link #devicePorts} and {@code {jobId}} in {@link #job} are replaced by the
 * (validated) device uuid and job id.
 *
 * @param devices          device list ({@code {"device":[{uuid, fq_name}]}})
 * @param lanSegmentFilter LAN segment query, POSTed with the device uuid as {@code parent_uuid}
 * @param portProfiles     port profile list ({@code {"port-profile":[{uuid, fq_name}]}})
 * @param apply            port-profile association
 * @param deploy           deploy of the association; answers a job id
 * @param job              deploy-job status, with {@code {jobId}}
 * @param devicePorts      the device's ports, with {@code {device}}; blank to skip this optional look-up
 */
public record CsoPaths(String devices, String lanSegmentFilter, String portProfiles, String apply, String deploy,
                       String job, String devicePorts) {

    public CsoPaths {
        devices = path("devices", devices);
        lanSegmentFilter = path("lanSegmentFilter", lanSegmentFilter);
        portProfiles = path("portProfiles", portProfiles);
        apply = path("apply", apply);
        deploy = path("deploy", deploy);
        job = path("job", job);
        if (!job.contains("{jobId}")) {
            throw new IllegalArgumentException("CSO job path must contain {jobId}: " + job);
        }
        devicePorts = devicePorts == null || devicePorts.isBlank() ? "" : path("devicePorts", devicePorts);
        if (!devicePorts.isEmpty() && !devicePorts.contains("{device}")) {
            throw new IllegalArgumentException("CSO device-port path must contain {device}: " + devicePorts);
        }
    }

    /** The original MESA's paths, {@code /job-service/job/{jobId}} and {@code /data-view-central/device-port?parent_id={device}}. */
    public static CsoPaths defaults() {
        return new CsoPaths("/data-view-central/device", "/topology-service/lan-segment/_filter", "/tssm/port-profile",
                "/tssm/apply-port-config-association", "/tssm/deploy-port-config-association",
                "/job-service/job/{jobId}", "/data-view-central/device-port?parent_id={device}");
    }

    public CsoPaths withJob(String jobPath) {
        return new CsoPaths(devices, lanSegmentFilter, portProfiles, apply, deploy, jobPath, devicePorts);
    }

    public CsoPaths withDevicePorts(String devicePortsPath) {
        return new CsoPaths(devices, lanSegmentFilter, portProfiles, apply, deploy, job, devicePortsPath);
    }

    private static String path(String name, String value) {
        Objects.requireNonNull(value, name);
        String v = value.trim();
        if (!v.startsWith("/") || v.startsWith("//") || v.chars().anyMatch(c -> c <= ' ' || c == '#')) {
            throw new IllegalArgumentException("CSO path " + name + " must be an absolute path, was: " + value);
        }
        return v;
    }
}
