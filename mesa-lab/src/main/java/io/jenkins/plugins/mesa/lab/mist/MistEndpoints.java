package io.jenkins.plugins.mesa.lab.mist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The Mist REST calls the simulator answers, each reading the {@link MistWorld} under its lock. */
final class MistEndpoints {
    private static final Set<String> DEVICE_TYPES = Set.of("ap", "switch", "gateway");

    private final MistWorld world;
    private final MistJson json;

    MistEndpoints(MistWorld world) {
        this.world = world;
        this.json = new MistJson(world);
    }

    /** GET /api/v1/sites/{site_id}: the site object. */
    void site(Context ctx) {
        synchronized (world) {
            write(ctx, json.site(siteOf(ctx)));
        }
    }

    /** GET /api/v1/sites/{site_id}/stats: {@code stats_site} with the device counts. */
    void siteStats(Context ctx) {
        synchronized (world) {
            write(ctx, json.siteStats(siteOf(ctx)));
        }
    }

    /** GET /api/v1/sites/{site_id}/stats/devices/{device_id}: {@code stats_ap} or {@code stats_switch}. */
    void deviceStats(Context ctx) {
        synchronized (world) {
            SimSite site = siteOf(ctx);
            String deviceId = ctx.pathParam("device_id");
            ObjectNode stats = world.findAp(site.id, deviceId).map(json::apStats)
                    .or(() -> world.findSwitch(site.id, deviceId).map(json::switchStats))
                    .orElseThrow(MistHttpError::notFound);
            write(ctx, stats);
        }
    }

    /** GET /api/v1/sites/{site_id}/stats/devices?type=ap|switch|all&status=all|connected|disconnected (paged). */
    void deviceStatsList(Context ctx) {
        Paging paging = Paging.of(ctx);
        String type = param(ctx, "type", "ap");
        String status = param(ctx, "status", "all");
        if (!Set.of("ap", "switch", "gateway", "all").contains(type)) {
            throw MistHttpError.badRequest("invalid type: " + type);
        }
        if (!Set.of("all", "connected", "disconnected").contains(status)) {
            throw MistHttpError.badRequest("invalid status: " + status);
        }
        List<ObjectNode> out = new ArrayList<>();
        synchronized (world) {
            SimSite site = siteOf(ctx);
            if (type.equals("ap") || type.equals("all")) {
                world.apsAt(site.id).forEach(ap -> out.add(json.apStats(ap)));
            }
            if (type.equals("switch") || type.equals("all")) {
                world.switches().stream().filter(sw -> sw.spec.siteId().equals(site.id))
                        .forEach(sw -> out.add(json.switchStats(sw)));
            }
        }
        if (!status.equals("all")) {
            out.removeIf(o -> !status.equals(o.path("status").asText()));
        }
        paging.writeList(ctx, out);
    }

    /** GET /api/v1/orgs/{org_id}/inventory?type=&mac=&vc=&site_id=&serial=&model=&vc_mac= (paged; type defaults to ap). */
    void inventory(Context ctx) {
        Paging paging = Paging.of(ctx);
        String type = deviceType(ctx);
        boolean vc = Boolean.parseBoolean(param(ctx, "vc", "false"));
        List<ObjectNode> out = new ArrayList<>();
        synchronized (world) {
            String orgId = orgOf(ctx);
            if (type.equals("switch")) {
                for (SimSwitch sw : world.switches()) {
                    if (world.siteOf(sw).orgId.equals(orgId)) {
                        out.add(json.inventory(sw, false));
                        if (vc && sw.spec.vcMac() != null) {
                            out.add(json.inventory(sw, true));
                        }
                    }
                }
            } else if (type.equals("ap")) {
                for (SimAp ap : world.aps()) {
                    if (world.siteOf(ap).orgId.equals(orgId)) {
                        out.add(json.inventory(ap));
                    }
                }
            }
        }
        List<ObjectNode> kept = filter(ctx, out, Map.of("mac", "mac", "site_id", "site_id", "serial", "serial",
                "model", "model", "vc_mac", "vc_mac"));
        paging.writeList(ctx, kept);
    }

    /** GET /api/v1/orgs/{org_id}/devices/search and /api/v1/sites/{site_id}/devices/search (type defaults to ap). */
    void deviceSearch(Context ctx) {
        Paging paging = Paging.of(ctx);
        String type = deviceType(ctx);
        List<ObjectNode> out = new ArrayList<>();
        synchronized (world) {
            Predicate<SimSite> inScope = scope(ctx);
            if (type.equals("ap")) {
                world.aps().stream().filter(ap -> inScope.test(world.siteOf(ap)))
                        .forEach(ap -> out.add(json.apSearch(ap)));
            } else if (type.equals("switch")) {
                world.switches().stream().filter(sw -> inScope.test(world.siteOf(sw)))
                        .forEach(sw -> out.add(json.switchSearch(sw)));
            }
        }
        List<ObjectNode> kept = filter(ctx, out, Map.of("mac", "mac", "site_id", "site_id", "model", "model",
                "lldp_system_name", "lldp_system_name", "lldp_port_id", "lldp_port_id",
                "lldp_mgmt_addr", "lldp_mgmt_addr", "version", "version"));
        String hostname = ctx.queryParam("hostname");
        if (hostname != null && !hostname.isEmpty()) {
            kept.removeIf(o -> !hostnameMatches(o.path("hostname"), hostname));
        }
        paging.writeSearch(ctx, kept, world.now().getEpochSecond());
    }

    /** GET /api/v1/sites/{site_id}/stats/ports/search and the org variant: {@code stats_switch_port} search. */
    void portSearch(Context ctx) {
        Paging paging = Paging.of(ctx);
        List<ObjectNode> out = new ArrayList<>();
        synchronized (world) {
            Predicate<SimSite> inScope = scope(ctx);
            for (SimSwitch sw : world.switches()) {
                if (inScope.test(world.siteOf(sw))) {
                    sw.ports.values().forEach(p -> out.add(json.portStats(sw, p)));
                }
            }
        }
        List<ObjectNode> kept = filter(ctx, out, Map.of("mac", "mac", "port_id", "port_id",
                "neighbor_mac", "neighbor_mac", "neighbor_system_name", "neighbor_system_name",
                "neighbor_port_desc", "neighbor_port_desc", "up", "up", "poe_on", "poe_on",
                "device_type", "type", "port_usage", "port_usage"));
        paging.writeSearch(ctx, kept, world.now().getEpochSecond());
    }

    /** GET /api/v1/sites/{site_id}/devices/{device_id}: the device object (with {@code local_port_config} if set). */
    void device(Context ctx) {
        synchronized (world) {
            SimSite site = siteOf(ctx);
            String deviceId = ctx.pathParam("device_id");
            ObjectNode config = world.deviceConfig(site.id, deviceId).orElseThrow(MistHttpError::notFound).deepCopy();
            world.findSwitch(site.id, deviceId).ifPresent(sw -> {
                if (sw.localPortConfig != null) {
                    config.set("local_port_config", sw.localPortConfig.deepCopy());
                }
            });
            write(ctx, config);
        }
    }

    /** PUT /api/v1/sites/{site_id}/devices/{device_id}: replaces the whole device object (cloud-owned fields kept). */
    void replaceDevice(Context ctx) {
        ObjectNode body = objectBody(ctx);
        synchronized (world) {
            SimSite site = siteOf(ctx);
            ObjectNode stored = world.replaceDeviceConfig(site.id, ctx.pathParam("device_id"), body)
                    .orElseThrow(MistHttpError::notFound);
            write(ctx, stored);
        }
    }

    /** PUT /api/v1/sites/{site_id}/devices/{device_id}/local_port_config: the full override map, each time. */
    void putLocalPortConfig(Context ctx) {
        ObjectNode body = objectBody(ctx);
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            if (!entry.getValue().isObject()) {
                throw MistHttpError.badRequest("local_port_config." + entry.getKey() + " must be an object");
            }
        }
        synchronized (world) {
            SimSite site = siteOf(ctx);
            if (!world.putLocalPortConfig(site.id, ctx.pathParam("device_id"), body)) {
                throw MistHttpError.notFound();
            }
        }
        write(ctx, body);
    }

    /** DELETE /api/v1/sites/{site_id}/devices/{device_id}/local_port_config: clears every override. */
    void deleteLocalPortConfig(Context ctx) {
        synchronized (world) {
            SimSite site = siteOf(ctx);
            if (!world.deleteLocalPortConfig(site.id, ctx.pathParam("device_id"))) {
                throw MistHttpError.notFound();
            }
        }
        ctx.status(200).result("");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private SimSite siteOf(Context ctx) {
        return world.findSite(ctx.pathParam("site_id")).orElseThrow(MistHttpError::notFound);
    }

    private String orgOf(Context ctx) {
        String orgId = ctx.pathParam("org_id");
        boolean known = world.sites().stream().anyMatch(s -> s.orgId.equals(orgId));
        if (!known) {
            throw MistHttpError.notFound();
        }
        return orgId;
    }

    /** Which sites a site- or org-level call covers. */
    private Predicate<SimSite> scope(Context ctx) {
        if (ctx.pathParamMap().containsKey("site_id")) {
            String siteId = siteOf(ctx).id;
            return s -> s.id.equals(siteId);
        }
        String orgId = orgOf(ctx);
        return s -> s.orgId.equals(orgId);
    }

    private static String deviceType(Context ctx) {
        String type = param(ctx, "type", "ap");
        if (!DEVICE_TYPES.contains(type)) {
            throw MistHttpError.badRequest("invalid type: " + type);
        }
        return type;
    }

    private static String param(Context ctx, String name, String fallback) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    /**
     * Keeps the items whose field equals each given query parameter. Values compare case-insensitively but
     * literally: a MAC filter written with colons matches nothing, as Mist stores MACs as bare hex.
     */
    private static List<ObjectNode> filter(Context ctx, List<ObjectNode> items, Map<String, String> paramToField) {
        List<ObjectNode> kept = new ArrayList<>(items);
        for (Map.Entry<String, String> e : paramToField.entrySet()) {
            String wanted = ctx.queryParam(e.getKey());
            if (wanted != null && !wanted.isEmpty()) {
                String field = e.getValue();
                kept.removeIf(o -> !o.path(field).asText().toLowerCase(Locale.ROOT)
                        .equals(wanted.toLowerCase(Locale.ROOT)));
            }
        }
        return kept;
    }

    private static boolean hostnameMatches(JsonNode hostnames, String wanted) {
        if (hostnames instanceof ArrayNode array) {
            for (JsonNode h : array) {
                if (h.asText().toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ObjectNode objectBody(Context ctx) {
        try {
            JsonNode body = MistJson.MAPPER.readTree(ctx.body());
            if (body instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw MistHttpError.badRequest("malformed JSON body");
        }
        throw MistHttpError.badRequest("body must be a JSON object");
    }

    private static void write(Context ctx, JsonNode body) {
        ctx.contentType("application/json").result(body.toString());
    }
}
