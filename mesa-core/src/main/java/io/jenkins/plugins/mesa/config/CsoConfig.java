package io.jenkins.plugins.mesa.config;

import io.jenkins.plugins.mesa.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Juniper CSO back-end ({@code cso:}): Keystone v3 login, deploy-job polling, object paths and
 * how each MESA profile maps to a CSO port profile plus LAN segments.
 *
 * @param baseUrl        e.g. {@code https://cso.example.net} (Keystone and the CSO APIs share it)
 * @param user           Keystone user name
 * @param password       Keystone password
 * @param userDomain     the user's Keystone domain id
 * @param project        project (CSO tenant) the token is scoped to
 * @param projectDomain  the project's Keystone domain id
 * @param timeouts       connect and per-request limits
 * @param deployDeadline a deploy job still running after this long is a failed change
 * @param pollInterval   wait between two job-status polls
 * @param tokenMargin    a token is renewed this long before it expires
 * @param paths          CSO object paths (thinly documented: override here for a CSO release that differs)
 * @param profiles       MESA profile name → CSO port profile and LAN segments
 */
public record CsoConfig(URI baseUrl, String user, Secret password, String userDomain, String project,
                        String projectDomain, HttpTimeouts timeouts, Duration deployDeadline, Duration pollInterval,
                        Duration tokenMargin, Paths paths, Map<String, Profile> profiles) {
    public static final HttpTimeouts DEFAULT_TIMEOUTS = new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));

    public CsoConfig {
        Objects.requireNonNull(baseUrl, "cso.baseUrl");
        Objects.requireNonNull(user, "cso.user");
        Objects.requireNonNull(password, "cso.password");
        Objects.requireNonNull(userDomain, "cso.userDomain");
        Objects.requireNonNull(project, "cso.project");
        Objects.requireNonNull(projectDomain, "cso.projectDomain");
        Objects.requireNonNull(timeouts, "cso.timeouts");
        Objects.requireNonNull(deployDeadline, "cso.deployDeadline");
        Objects.requireNonNull(pollInterval, "cso.pollInterval");
        Objects.requireNonNull(tokenMargin, "cso.tokenMargin");
        Objects.requireNonNull(paths, "cso.paths");
        profiles = Copies.map(profiles);
        if (pollInterval.compareTo(deployDeadline) > 0) {
            throw new IllegalArgumentException("cso.pollInterval must not be longer than cso.deployDeadline");
        }
    }

    /**
     * CSO object paths, relative to {@link #baseUrl()}. {@code {jobId}} in {@code job} and
     * {@code {device}} in {@code devicePorts} are replaced by validated ids; an empty
     * {@code devicePorts} skips that optional look-up.
     */
    public record Paths(String devices, String lanSegmentFilter, String portProfiles, String apply, String deploy,
                        String job, String devicePorts) {
        public Paths {
            Objects.requireNonNull(devices, "devices");
            Objects.requireNonNull(lanSegmentFilter, "lanSegmentFilter");
            Objects.requireNonNull(portProfiles, "portProfiles");
            Objects.requireNonNull(apply, "apply");
            Objects.requireNonNull(deploy, "deploy");
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(devicePorts, "devicePorts");
        }

        /** The original MESA's calls plus the job-status and device-port paths. */
        public static Paths defaults() {
            return new Paths("/data-view-central/device", "/topology-service/lan-segment/_filter",
                    "/tssm/port-profile", "/tssm/apply-port-config-association",
                    "/tssm/deploy-port-config-association", "/job-service/job/{jobId}",
                    "/data-view-central/device-port?parent_id={device}");
        }
    }

    /**
     * A MESA profile in CSO terms: a trunk ({@code nativeVlan} and/or {@code lanSegments}; no
     * {@code lanSegments} meaning every LAN segment of the device) or an access port
     * ({@code accessVlan} alone). LAN segments are named by their VLAN id.
     */
    public record Profile(String portProfile, List<Integer> lanSegments, Optional<Integer> nativeVlan,
                          Optional<Integer> accessVlan) {
        public Profile {
            Objects.requireNonNull(portProfile, "portProfile");
            lanSegments = Copies.list(lanSegments);
            Objects.requireNonNull(nativeVlan, "nativeVlan");
            Objects.requireNonNull(accessVlan, "accessVlan");
            if (accessVlan.isPresent() && (nativeVlan.isPresent() || !lanSegments.isEmpty())) {
                throw new IllegalArgumentException("a CSO access profile has accessVlan only");
            }
        }

        /** True for an access port ({@code accessVlan} set). */
        public boolean access() {
            return accessVlan.isPresent();
        }
    }

    private static final Pattern PATH = Pattern.compile("/[^\\s#]{0,300}");

    static Optional<CsoConfig> read(Section s) {
        Optional<URI> baseUrl = Optional.empty();
        if (!s.has("baseUrl")) {
            s.missing("baseUrl", "the CSO address, e.g. https://cso.example.net");
        } else {
            baseUrl = s.url("baseUrl", true);
        }
        String user = s.requiredText("user", "the Keystone user");
        Secret password = s.requiredSecret("password", "the Keystone password, e.g. ${env:CSO_PASSWORD}");
        String userDomain = s.text("userDomain", "default");
        String project = s.requiredText("project", "the CSO tenant (Keystone project) name");
        String projectDomain = s.text("projectDomain", "default");
        HttpTimeouts timeouts = HttpTimeouts.read(s.section("timeouts"), DEFAULT_TIMEOUTS);
        Duration deadline = s.duration("deployDeadline", Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofHours(6));
        Duration poll = s.duration("pollInterval", Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMinutes(10));
        Duration margin = s.duration("tokenMargin", Duration.ofSeconds(60), Duration.ZERO, Duration.ofHours(1));
        Paths paths = readPaths(s.section("paths"));
        Map<String, Profile> profiles = new LinkedHashMap<>();
        s.sectionMap("profiles").forEach((name, p) -> readProfile(p).ifPresent(v -> {
            if (JunosConfig.PROFILE_NAME.matcher(name).matches()) {
                profiles.put(name, v);
            } else {
                p.reading().error(p.line(), p.path(), "profile names are letters, digits, _ and - (up to 64)");
            }
        }));
        s.finish();
        if (poll.compareTo(deadline) > 0) {
            s.error("pollInterval", "must not be longer than deployDeadline");
            return Optional.empty();
        }
        if (baseUrl.isEmpty() || user.isEmpty() || password == null || project.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CsoConfig(baseUrl.get(), user, password, userDomain, project, projectDomain, timeouts,
                deadline, poll, margin, paths, profiles));
    }

    private static Paths readPaths(Section s) {
        Paths d = Paths.defaults();
        String expectation = "an absolute path such as /tssm/port-profile";
        Paths p = new Paths(
                s.matching("devices", PATH, expectation).orElse(d.devices()),
                s.matching("lanSegmentFilter", PATH, expectation).orElse(d.lanSegmentFilter()),
                s.matching("portProfiles", PATH, expectation).orElse(d.portProfiles()),
                s.matching("apply", PATH, expectation).orElse(d.apply()),
                s.matching("deploy", PATH, expectation).orElse(d.deploy()),
                s.matching("job", PATH, expectation).orElse(d.job()),
                s.has("devicePorts") ? s.matching("devicePorts", PATH, expectation).orElse(d.devicePorts())
                        : d.devicePorts());
        s.finish();
        if (!p.job().contains("{jobId}")) {
            s.error("job", "must contain {jobId}");
        }
        if (!p.devicePorts().contains("{device}")) {
            s.error("devicePorts", "must contain {device}");
        }
        return p;
    }

    private static Optional<Profile> readProfile(Section p) {
        String portProfile = p.requiredText("portProfile", "the CSO port profile name");
        List<Integer> segments = p.integerList("lanSegments", 1, 4094);
        Optional<Integer> nativeVlan = p.has("nativeVlan")
                ? Optional.of(p.integer("nativeVlan", 0, 1, 4094)) : Optional.empty();
        Optional<Integer> accessVlan = p.has("accessVlan")
                ? Optional.of(p.integer("accessVlan", 0, 1, 4094)) : Optional.empty();
        p.finish();
        boolean ok = !portProfile.isEmpty();
        if (new HashSet<>(segments).size() != segments.size()) {
            p.error("lanSegments", "lists a VLAN twice");
            ok = false;
        }
        if (accessVlan.isPresent() && (nativeVlan.isPresent() || !segments.isEmpty())) {
            p.error("accessVlan", "an access profile has accessVlan only; a trunk has nativeVlan and/or lanSegments");
            ok = false;
        }
        if (nativeVlan.isPresent() && !segments.isEmpty() && !segments.contains(nativeVlan.get())) {
            p.error("nativeVlan", "must be one of lanSegments");
            ok = false;
        }
        if (nativeVlan.filter(v -> v == 0).isPresent() || accessVlan.filter(v -> v == 0).isPresent()) {
            ok = false; // out of range, already reported
        }
        return ok ? Optional.of(new Profile(portProfile, segments, nativeVlan, accessVlan)) : Optional.empty();
    }
}
