package io.jenkins.plugins.mesa.cso;

import io.jenkins.plugins.mesa.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the CSO back-end needs: where CSO is, how to log in (Keystone v3, password method,
 * project scope), how long to wait, the object paths and job fields, and how each MESA profile
 * maps to a CSO port profile plus LAN segments. The password is a {@link Secret}, so this
 * record's {@code toString()} never shows it.
 *
 * @param baseUri        e.g. {@code https://cso.example.net} (Keystone and the CSO APIs share it)
 * @param user           Keystone user name
 * @param password       Keystone password
 * @param userDomain     the user's Keystone domain id (the original used {@code default})
 * @param project        project (CSO tenant) name the token is scoped to
 * @param projectDomain  the project's Keystone domain id
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout per-request timeout
 * @param deployDeadline how long a deploy job may run before the change is reported as failed
 * @param pollInterval   wait between two job-status polls
 * @param tokenMargin    a token is renewed this long before its {@code expires_at}
 * @param paths          CSO object paths
 * @param jobFields      where the job id/state/message are in CSO's JSON
 * @param profiles       MESA profile name ({@code ap}, {@code secured}, custom) → CSO profile
 */
public record CsoSettings(URI baseUri, String user, Secret password, String userDomain, String project,
                          String projectDomain, Duration connectTimeout, Duration requestTimeout,
                          Duration deployDeadline, Duration pollInterval, Duration tokenMargin,
                          CsoPaths paths, CsoJobFields jobFields, Map<String, CsoProfile> profiles) {

    public CsoSettings {
        baseUri = base(baseUri);
        user = text("user", user);
        Objects.requireNonNull(password, "password");
        userDomain = text("userDomain", userDomain);
        project = text("project", project);
        projectDomain = text("projectDomain", projectDomain);
        positive("connectTimeout", connectTimeout);
        positive("requestTimeout", requestTimeout);
        positive("deployDeadline", deployDeadline);
        positive("pollInterval", pollInterval);
        Objects.requireNonNull(tokenMargin, "tokenMargin");
        if (tokenMargin.isNegative()) {
            throw new IllegalArgumentException("CSO tokenMargin must not be negative");
        }
        if (pollInterval.compareTo(deployDeadline) > 0) {
            throw new IllegalArgumentException("CSO pollInterval " + pollInterval + " is longer than deployDeadline " + deployDeadline);
        }
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(jobFields, "jobFields");
        profiles = Map.copyOf(Objects.requireNonNull(profiles, "profiles"));
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("CSO settings map no profile; configure at least ap and secured");
        }
    }

    /**
     * Settings with the defaults: domains {@code default}, 5 s connect / 30 s request timeouts, a
     * 5 minute deploy deadline polled every 5 s, tokens renewed 60 s before expiry, the original's
     * paths and the default job fields.
     */
    public static CsoSettings of(URI baseUri, String user, Secret password, String project,
                                 Map<String, CsoProfile> profiles) {
        return new CsoSettings(baseUri, user, password, "default", project, "default", Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(60),
                CsoPaths.defaults(), CsoJobFields.defaults(), profiles);
    }

    public CsoSettings withDeploy(Duration newDeadline, Duration newPollInterval) {
        return new CsoSettings(baseUri, user, password, userDomain, project, projectDomain, connectTimeout,
                requestTimeout, newDeadline, newPollInterval, tokenMargin, paths, jobFields, profiles);
    }

    public CsoSettings withPaths(CsoPaths newPaths) {
        return new CsoSettings(baseUri, user, password, userDomain, project, projectDomain, connectTimeout,
                requestTimeout, deployDeadline, pollInterval, tokenMargin, newPaths, jobFields, profiles);
    }

    public CsoSettings withJobFields(CsoJobFields newJobFields) {
        return new CsoSettings(baseUri, user, password, userDomain, project, projectDomain, connectTimeout,
                requestTimeout, deployDeadline, pollInterval, tokenMargin, paths, newJobFields, profiles);
    }

    /** The absolute URI of a CSO path such as {@code /tssm/port-profile}. */
    URI resolve(String path) {
        return URI.create(baseUri + path);
    }

    private static URI base(URI uri) {
        Objects.requireNonNull(uri, "baseUri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("CSO base URI must be http(s)://host[:port][/prefix], was " + uri);
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("CSO base URI must not carry user info, a query or a fragment");
        }
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    private static String text(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("CSO " + name + " is blank");
        }
        return value.trim();
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("CSO " + name + " must be positive, was " + d);
        }
    }
}
