package io.jenkins.plugins.mesa.mist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.http.HttpUnreachable;
import io.jenkins.plugins.mesa.http.Pause;
import io.jenkins.plugins.mesa.http.RetryPolicy;
import io.jenkins.plugins.mesa.http.RetryingHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@link MistLookups} over the Mist REST API ({@code java.net.http} through
 * {@link RetryingHttp}: timeouts on every call, bounded backed-off retries on 429/5xx/I-O errors).
 * Lists are read to the end: {@code X-Page-*} headers for list calls, the body's {@code next} link
 * for search calls, each bounded to {@value #MAX_PAGES} pages. Failures are {@link MistApiException}s
 * whose messages name the call, never the token.
 *
 * <p>How each answer is found:
 * <ul>
 * <li>{@link #apUplink}: the AP's device stats; with several LLDP neighbours ({@code lldp_stats}) the
 * lowest-numbered AP port with a usable neighbour wins ({@code eth0} before {@code eth1}: eth0 is the
 * PoE-in uplink on Mist APs). The port comes from {@code port_id}, or from {@code port_desc} only when
 * {@code port_id} is not an interface name and {@code port_desc} is (never a free-text description).
 * When the AP is not at the given site, the org inventory (filtered by MAC, all pages) names its
 * current site and the lookup is retried there once.</li>
 * <li>{@link #switchByMac}: org inventory with {@code vc=true&mac=}; a virtual-chassis member leads to
 * the VC's own entry through {@code vc_mac}. Management host: override, else the switch stats' {@code ip}.
 * Mist-managed: override, else not when {@code disable_auto_config} is true, else the device's
 * {@code managed} flag (true when absent: a claimed cloud-ready switch is managed by default).</li>
 * </ul>
 */
public final class MistClient implements MistLookups {
    static final int PAGE_LIMIT = 100;
    static final int MAX_PAGES = 50;

    private static final Logger LOG = LoggerFactory.getLogger(MistClient.class);
    private static final Pattern AP_PORT = Pattern.compile("([A-Za-z]+)(\\d{0,3})");

    private final MistSettings settings;
    private final RetryingHttp http;
    private final ObjectMapper mapper = new ObjectMapper();

    public MistClient(MistSettings settings, RetryingHttp http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
    }

    /** A client with the settings' timeouts, {@link RetryPolicy#standard()} and real waiting. */
    public static MistClient create(MistSettings settings) {
        return create(settings, RetryPolicy.standard(), Pause.REAL, Clock.systemUTC());
    }

    public static MistClient create(MistSettings settings, RetryPolicy policy, Pause pause, Clock clock) {
        return new MistClient(settings, new RetryingHttp(RetryingHttp.newClient(settings.connectTimeout()), policy,
                pause, settings.requestTimeout(), clock));
    }

    URI baseUrl() {
        return settings.baseUrl();
    }

    @Override
    public String toString() {
        return "MistClient[" + settings.baseUrl() + "]";
    }

    // ------------------------------------------------------------------ AP uplink

    @Override
    public Optional<ApUplink> apUplink(String orgId, String siteId, MacAddress ap) {
        Objects.requireNonNull(ap, "ap");
        String site = siteId == null ? "" : siteId;
        if (!site.isEmpty()) {
            Optional<JsonNode> stats = getIfFound(path("sites", site, "stats", "devices", ap.mistDeviceId()), Map.of());
            if (stats.isPresent()) {
                return uplinkFrom(stats.get(), ap, site);
            }
        }
        if (orgId == null || orgId.isEmpty()) {
            LOG.info("AP {} not found at site {} and no org id to search the inventory", ap, site);
            return Optional.empty();
        }
        Optional<JsonNode> entry = inventoryEntry(orgId, ap, "ap");
        String current = entry.map(e -> e.path("site_id").asText("")).orElse("");
        if (current.isEmpty() || current.equals(site)) {
            LOG.info("AP {} is not assigned to another site in org {} (inventory site: {})", ap, orgId,
                    current.isEmpty() ? "none" : current);
            return Optional.empty();
        }
        LOG.info("AP {} moved from site {} to site {}; looking it up there", ap, site.isEmpty() ? "(org)" : site, current);
        return getIfFound(path("sites", current, "stats", "devices", ap.mistDeviceId()), Map.of())
                .flatMap(stats -> uplinkFrom(stats, ap, current));
    }

    private Optional<ApUplink> uplinkFrom(JsonNode stats, MacAddress ap, String siteId) {
        List<JsonNode> neighbours = new ArrayList<>();
        JsonNode many = stats.path("lldp_stats");
        if (many.isObject() && !many.isEmpty()) {
            List<String> ports = new ArrayList<>();
            many.fieldNames().forEachRemaining(ports::add);
            ports.sort(AP_PORT_ORDER);
            ports.forEach(p -> neighbours.add(many.get(p)));
        } else if (many.isArray()) {
            many.forEach(neighbours::add);
        }
        JsonNode one = stats.path("lldp_stat");
        if (one.isObject()) {
            neighbours.add(one);
        }
        for (JsonNode n : neighbours) {
            Optional<ApUplink> uplink = uplinkFromNeighbour(n, ap, siteId);
            if (uplink.isPresent()) {
                return uplink;
            }
        }
        LOG.warn("AP {} at site {}: no LLDP neighbour with a switch MAC and an interface name ({} neighbour(s) seen)",
                ap, siteId, neighbours.size());
        return Optional.empty();
    }

    private static Optional<ApUplink> uplinkFromNeighbour(JsonNode n, MacAddress ap, String siteId) {
        if (!n.isObject()) {
            return Optional.empty();
        }
        MacAddress chassis = macOrNull(n.path("chassis_id").asText(null));
        String portId = n.path("port_id").asText("");
        String portDesc = n.path("port_desc").asText("");
        String portText = InterfaceName.looksLikeInterface(portId) ? portId
                : InterfaceName.looksLikeInterface(portDesc) ? portDesc : null;
        if (chassis == null || portText == null) {
            return Optional.empty();
        }
        String name = n.path("system_name").asText("").trim();
        String mgmt = n.path("mgmt_addr").asText("");
        if (mgmt.isEmpty() && n.path("mgmt_addrs").isArray() && !n.path("mgmt_addrs").isEmpty()) {
            mgmt = n.path("mgmt_addrs").get(0).asText("");
        }
        return Optional.of(new ApUplink(ap, siteId, name.isEmpty() ? chassis.value() : name, chassis,
                InterfaceName.parse(portText), mgmt));
    }

    /** eth0 < eth1 < eth2 < eth10, then anything else by name: a fixed, documented choice. */
    private static final Comparator<String> AP_PORT_ORDER = Comparator
            .comparing((String p) -> {
                Matcher m = AP_PORT.matcher(p);
                return m.matches() ? m.group(1) : p;
            })
            .thenComparingInt(p -> {
                Matcher m = AP_PORT.matcher(p);
                return m.matches() && !m.group(2).isEmpty() ? Integer.parseInt(m.group(2)) : -1;
            })
            .thenComparing(Comparator.naturalOrder());

    // ------------------------------------------------------------------ switches

    @Override
    public Optional<SwitchInfo> switchByMac(String orgId, MacAddress switchMac) {
        Optional<DeviceRef> found = resolveSwitch(orgId, switchMac);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeviceRef ref = found.get();
        Optional<MistSettings.SwitchOverride> override = settings.overrideFor(ref.name(), switchMac)
                .or(() -> ref.vcMac() == null ? Optional.empty() : settings.overrideFor(null, ref.vcMac()));
        Boolean managed = override.map(MistSettings.SwitchOverride::mistManaged).orElse(null);
        if (managed == null) {
            managed = !ref.siteId().isEmpty() && getIfFound(path("sites", ref.siteId(), "devices", ref.deviceId()), Map.of())
                    .map(MistClient::mistManaged).orElse(false);
        }
        String host = override.map(MistSettings.SwitchOverride::managementHost).filter(h -> !h.isBlank()).orElse(null);
        if (host == null) {
            host = ref.siteId().isEmpty() ? ""
                    : getIfFound(path("sites", ref.siteId(), "stats", "devices", ref.deviceId()), Map.of())
                            .map(MistClient::managementAddress).orElse("");
        }
        return Optional.of(new SwitchInfo(ref.name(), switchMac, ref.deviceId(), ref.siteId(), host, managed));
    }

    private static boolean mistManaged(JsonNode device) {
        if (device.path("disable_auto_config").asBoolean(false)) {
            return false;
        }
        JsonNode managed = device.get("managed");
        return managed == null || !managed.isBoolean() || managed.booleanValue();
    }

    private static String managementAddress(JsonNode stats) {
        String ip = stats.path("ip").asText("");
        if (ip.isEmpty()) {
            ip = stats.path("ip_stat").path("ip").asText("");
        }
        return ip;
    }

    /** A switch's Mist identity, virtual-chassis aware. */
    record DeviceRef(String deviceId, String siteId, String name, MacAddress vcMac) {
    }

    /** Finds the switch in the org inventory; for a VC member, the VC's own device id and site. */
    Optional<DeviceRef> resolveSwitch(String orgId, MacAddress mac) {
        Optional<JsonNode> member = inventoryEntry(orgId, mac, "switch");
        if (member.isEmpty()) {
            return Optional.empty();
        }
        JsonNode m = member.get();
        String deviceId = m.path("id").asText("");
        String siteId = m.path("site_id").asText("");
        String name = m.path("name").asText("");
        MacAddress vcMac = macOrNull(m.path("vc_mac").asText(null));
        if (vcMac != null && !vcMac.equals(mac)) {
            Optional<JsonNode> vc = inventoryEntry(orgId, vcMac, "switch");
            deviceId = vc.map(v -> v.path("id").asText("")).filter(s -> !s.isEmpty()).orElse(vcMac.mistDeviceId());
            String vcSite = vc.map(v -> v.path("site_id").asText("")).orElse("");
            siteId = vcSite.isEmpty() ? siteId : vcSite;
            String vcName = vc.map(v -> v.path("name").asText("")).orElse("");
            name = vcName.isEmpty() ? name : vcName;
        }
        if (deviceId.isEmpty()) {
            deviceId = mac.mistDeviceId();
        }
        if (!MistId.valid(deviceId) || (!siteId.isEmpty() && !MistId.valid(siteId))) {
            throw new MistApiException("bad-response", 200, "org inventory returned an unusable id for switch " + mac);
        }
        return Optional.of(new DeviceRef(deviceId, siteId, name, vcMac));
    }

    /** {@code type} is {@code ap} or {@code switch}; switches are asked for with {@code vc=true} (members listed). */
    private Optional<JsonNode> inventoryEntry(String orgId, MacAddress mac, String type) {
        Map<String, String> query = new LinkedHashMap<>();
        // Mist's inventory lists APs unless asked for another type: a switch is found only with type=switch.
        query.put("type", type);
        if (type.equals("switch")) {
            query.put("vc", "true");
        }
        query.put("mac", mac.value());
        for (JsonNode e : listAll(path("orgs", orgId, "inventory"), query)) {
            if (mac.equals(macOrNull(e.path("mac").asText(null)))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ site and port stats

    @Override
    public SiteApCounts siteApCounts(String siteId) {
        String p = path("sites", siteId, "stats");
        JsonNode stats = get(p, Map.of());
        JsonNode total = stats.get("num_ap");
        JsonNode connected = stats.get("num_ap_connected");
        if (total == null || connected == null || !total.canConvertToInt() || !connected.canConvertToInt()
                || !total.isIntegralNumber() || !connected.isIntegralNumber()) {
            throw new MistApiException("bad-response", 200, "GET " + p + " has no integer num_ap/num_ap_connected");
        }
        return new SiteApCounts(siteId, total.intValue(), connected.intValue());
    }

    @Override
    public Optional<SwitchPortStatus> switchPort(String siteId, MacAddress switchMac, InterfaceName port) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("mac", switchMac.value());
        query.put("port_id", port.value());
        for (JsonNode r : searchAll(path("sites", siteId, "stats", "ports", "search"), query)) {
            MacAddress mac = macOrNull(r.path("mac").asText(null));
            if (port.value().equals(r.path("port_id").asText("")) && (mac == null || mac.equals(switchMac))) {
                JsonNode up = r.get("up");
                return Optional.of(new SwitchPortStatus(switchMac, port, up != null && up.isBoolean() && up.booleanValue(),
                        macOrNull(r.path("neighbor_mac").asText(null)), "mist-port-stats"));
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ device configuration (Mist back-end)

    JsonNode deviceConfig(String siteId, String deviceId) {
        return get(path("sites", siteId, "devices", deviceId), Map.of());
    }

    JsonNode putDeviceConfig(String siteId, String deviceId, JsonNode device) {
        String p = path("sites", siteId, "devices", deviceId);
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(device);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a device config", e);
        }
        return send("PUT", uri(p, Map.of()), body, "PUT " + p).body();
    }

    // ------------------------------------------------------------------ plumbing

    /** {@code /api/v1/a/b/...}, every variable segment checked so nothing can alter the path. */
    private static String path(String... segments) {
        StringBuilder sb = new StringBuilder("/api/v1");
        for (String s : segments) {
            if (!MistId.valid(s)) {
                throw new MistApiException("bad-id", 0, "refusing to call Mist with the id " + MistId.printable(s));
            }
            sb.append('/').append(s);
        }
        return sb.toString();
    }

    private URI uri(String path, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(settings.baseUrl().toString()).append(path);
        char sep = '?';
        for (Map.Entry<String, String> q : query.entrySet()) {
            sb.append(sep).append(q.getKey()).append('=').append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    private JsonNode get(String path, Map<String, String> query) {
        return send("GET", uri(path, query), null, "GET " + path).body();
    }

    private Optional<JsonNode> getIfFound(String path, Map<String, String> query) {
        try {
            return Optional.of(get(path, query));
        } catch (MistApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A list call read page by page until {@code X-Page-Total} (or a short page) says it is complete. */
    private List<JsonNode> listAll(String path, Map<String, String> query) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            Map<String, String> q = new LinkedHashMap<>(query);
            q.put("limit", Integer.toString(PAGE_LIMIT));
            q.put("page", Integer.toString(page));
            Answer a = send("GET", uri(path, q), null, "GET " + path);
            if (!a.body().isArray()) {
                throw new MistApiException("bad-response", a.status(), "GET " + path + " did not return a list");
            }
            a.body().forEach(all::add);
            OptionalLong total = longHeader(a.headers(), "X-Page-Total");
            long limit = longHeader(a.headers(), "X-Page-Limit").orElse(PAGE_LIMIT);
            boolean more = total.isPresent() ? limit * page < total.getAsLong() : a.body().size() >= limit;
            if (!more || a.body().isEmpty()) {
                return all;
            }
        }
        throw new MistApiException("bad-response", 200, "GET " + path + " has more than " + MAX_PAGES + " pages");
    }

    /** A search call read through its {@code next} links, which must stay on the configured host. */
    private List<JsonNode> searchAll(String path, Map<String, String> query) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("limit", Integer.toString(PAGE_LIMIT));
        URI next = uri(path, q);
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode body = send("GET", next, null, "GET " + path).body();
            JsonNode results = body.path("results");
            if (!results.isArray()) {
                throw new MistApiException("bad-response", 200, "GET " + path + " returned no results list");
            }
            results.forEach(all::add);
            String link = body.path("next").asText("");
            if (link.isEmpty() || results.isEmpty()) {
                return all;
            }
            next = sameOrigin(link, path);
        }
        throw new MistApiException("bad-response", 200, "GET " + path + " has more than " + MAX_PAGES + " pages");
    }

    /** Resolves a {@code next} link; one pointing at another host would receive the token, so it is refused. */
    private URI sameOrigin(String link, String path) {
        URI base = settings.baseUrl();
        URI resolved;
        try {
            resolved = URI.create(base.getScheme() + "://" + base.getRawAuthority() + "/").resolve(link);
        } catch (IllegalArgumentException e) {
            throw new MistApiException("bad-response", 200, "GET " + path + " returned an unusable next link");
        }
        if (!base.getScheme().equalsIgnoreCase(resolved.getScheme())
                || !base.getRawAuthority().equalsIgnoreCase(String.valueOf(resolved.getRawAuthority()))
                || resolved.getRawPath() == null || !resolved.getRawPath().startsWith("/api/v1/")) {
            throw new MistApiException("bad-response", 200, "GET " + path + " returned a next link outside "
                    + base + "; not following it");
        }
        return resolved;
    }

    private record Answer(int status, JsonNode body, HttpHeaders headers) {
    }

    private Answer send(String method, URI uri, byte[] body, String what) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .header("Authorization", "Token " + settings.token().reveal())
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> r;
        try {
            r = http.send(b.build());
        } catch (HttpUnreachable e) {
            throw new MistApiException("unreachable", 0, "Mist " + what + ": no answer from " + uri.getHost()
                    + " after retries (" + scrub(firstLine(e.getMessage())) + ")", e);
        }
        int status = r.statusCode();
        if (status < 200 || status > 299) {
            throw failure(what, status, r.body());
        }
        byte[] bytes = r.body();
        if (bytes == null || bytes.length == 0) {
            return new Answer(status, NullNode.getInstance(), r.headers());
        }
        try {
            return new Answer(status, mapper.readTree(bytes), r.headers());
        } catch (IOException e) {
            throw new MistApiException("bad-response", status, "Mist " + what + " answered " + status + " with a body "
                    + "that is not JSON");
        }
    }

    private MistApiException failure(String what, int status, byte[] body) {
        String reason;
        String hint;
        switch (status) {
            case 400 -> { reason = "bad-request"; hint = "Mist refused the request"; }
            case 401 -> { reason = "unauthorized"; hint = "the API token was rejected (wrong, revoked, or unused for 90 days)"; }
            case 403 -> { reason = "forbidden"; hint = "the API token lacks privilege on this org or site"; }
            case 404 -> { reason = "not-found"; hint = "no such object (or wrong org/site)"; }
            case 429 -> { reason = "rate-limited"; hint = "API rate limit (5000 calls/hour per token) still exceeded after retries"; }
            default -> {
                reason = status >= 500 ? "server-error" : "http-error";
                hint = status >= 500 ? "Mist failed on every retry" : "unexpected answer";
            }
        }
        String detail = detail(body);
        return new MistApiException(reason, status, "Mist " + what + " answered " + status + ": " + hint
                + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }

    /** Mist's {@code detail} text, bounded, one line, and never echoing the token. */
    private String detail(byte[] body) {
        if (body == null || body.length == 0 || body.length > 64 * 1024) {
            return "";
        }
        try {
            JsonNode d = mapper.readTree(body).path("detail");
            return d.isTextual() ? scrub(firstLine(d.textValue())) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private String scrub(String text) {
        String token = settings.token().reveal();
        String s = text.replace(token, "****");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", "?");
    }

    private static OptionalLong longHeader(HttpHeaders headers, String name) {
        Optional<String> v = headers.firstValue(name);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long n = Long.parseLong(v.get().trim());
            return n > 0 ? OptionalLong.of(n) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static MacAddress macOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MacAddress.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
