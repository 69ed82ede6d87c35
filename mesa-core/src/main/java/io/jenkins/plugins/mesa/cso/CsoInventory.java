package io.jenkins.plugins.mesa.cso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mesa.change.ChangeRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up what a change needs in CSO (the original's calls C2–C4): the device whose
 * {@code fq_name} contains the switch's short name, its LAN segments and the port profile — each
 * an exact, single match, where the original silently took the last one.
 */
final class CsoInventory {
    private static final Logger LOG = LoggerFactory.getLogger(CsoInventory.class);
    /** CSO uuids, checked before one goes into a path. */
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z-]{0,63}");
    private static final int NAMED = 10;

    private final CsoSettings settings;
    private final CsoClient client;
    private final ObjectMapper json;

    private record Named(String uuid, List<String> fqName) {
        String display() {
            return String.join(":", fqName);
        }
    }

    CsoInventory(CsoSettings settings, CsoClient client, ObjectMapper json) {
        this.settings = settings;
        this.client = client;
        this.json = json;
    }

    CsoAssignment assignmentFor(ChangeRequest request, CsoProfile profile) {
        String port = request.target().port().value();
        String shortName = shortName(request.target().switchName());

        Named device = single(list(client.get(settings.paths().devices()), "device", settings.paths().devices()),
                shortName, "device");
        checkUuid(device, settings.paths().devices());
        List<LanSegment> segments = lanSegments(device.uuid());
        Named portProfile = single(list(client.get(settings.paths().portProfiles()), "port-profile",
                settings.paths().portProfiles()), profile.portProfileName(), "profile");
        checkUuid(portProfile, settings.paths().portProfiles());
        String previous = previousProfile(device.uuid(), port);

        List<LanSegment> chosen;
        LanSegment nativeSegment = null;
        if (profile.mode() == CsoProfile.Mode.ACCESS) {
            chosen = List.of(segmentWithVlan(segments, profile.vlans().get(0), shortName));
        } else {
            if (profile.vlans().isEmpty()) {
                if (segments.isEmpty()) {
                    throw new CsoException("cso-segment-not-found", "CSO device " + device.display() + " has no LAN segment");
                }
                chosen = segments;
            } else {
                chosen = profile.vlans().stream().map(v -> segmentWithVlan(segments, v, shortName)).toList();
            }
            if (profile.nativeVlan() != null) {
                nativeSegment = segmentWithVlan(segments, profile.nativeVlan(), shortName);
            }
        }
        return new CsoAssignment(request.target(), request.profile(), device.uuid(), profile.portProfileName(),
                portProfile.uuid(), chosen, nativeSegment, previous);
    }

    /** The switch part of an LLDP system name: {@code sw1} of {@code sw1.site1.example.net}, as the original matched. */
    static String shortName(String switchName) {
        String n = switchName.trim();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private List<Named> list(JsonNode answer, String key, String path) {
        JsonNode items = answer.path(key);
        if (!items.isArray()) {
            throw new CsoException("cso-bad-response", "CSO GET " + path + ": no '" + key + "' list in the answer"
                    + client.excerpt(answer));
        }
        List<Named> out = new ArrayList<>();
        for (JsonNode item : items) {
            List<String> fq = StreamSupport.stream(item.path("fq_name").spliterator(), false)
                    .map(JsonNode::asText).toList();
            out.add(new Named(item.path("uuid").asText(""), fq));
        }
        return out;
    }

    private static Named single(List<Named> all, String name, String kind) {
        List<Named> matches = all.stream().filter(n -> n.fqName().contains(name)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new CsoException("cso-" + kind + "-not-found", "no CSO " + kind + " has '" + name + "' in its fq_name ("
                    + all.size() + " listed" + (all.isEmpty() ? "" : ": " + names(all)) + ")");
        }
        throw new CsoException("cso-" + kind + "-ambiguous", matches.size() + " CSO " + kind + "s have '" + name
                + "' in their fq_name: " + names(matches));
    }

    private static String names(List<Named> items) {
        String shown = items.stream().limit(NAMED).map(Named::display).collect(Collectors.joining(", "));
        return items.size() > NAMED ? shown + " and " + (items.size() - NAMED) + " more" : shown;
    }

    private static void checkUuid(Named item, String path) {
        if (!UUID_LIKE.matcher(item.uuid()).matches()) {
            throw new CsoException("cso-bad-response", "CSO GET " + path + ": " + item.display() + " has no usable uuid");
        }
    }

    private List<LanSegment> lanSegments(String deviceUuid) {
        ObjectNode body = json.createObjectNode();
        body.putObject("query").putObject("bool").putArray("must").addObject().putObject("term")
                .put("parent_uuid._raw", deviceUuid);
        body.put("detail", true);
        String path = settings.paths().lanSegmentFilter();
        JsonNode items = client.post(path, body).path("lan-segment");
        if (!items.isArray()) {
            throw new CsoException("cso-bad-response", "CSO POST " + path + ": no 'lan-segment' list in the answer");
        }
        List<LanSegment> out = new ArrayList<>();
        for (JsonNode item : items) {
            String uuid = item.path("uuid").asText("");
            int vlan = vlanOf(item.path("vlan"));
            if (!UUID_LIKE.matcher(uuid).matches() || vlan < 1) {
                throw new CsoException("cso-bad-response", "CSO POST " + path + ": a LAN segment without uuid or VLAN"
                        + client.excerpt(item));
            }
            out.add(new LanSegment(uuid, item.path("name").asText(""), vlan));
        }
        return out;
    }

    private static int vlanOf(JsonNode vlan) {
        if (vlan.canConvertToInt()) {
            return vlan.asInt();
        }
        try {
            return Integer.parseInt(vlan.asText("").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static LanSegment segmentWithVlan(List<LanSegment> segments, int vlan, String device) {
        List<LanSegment> matches = segments.stream().filter(s -> s.vlan() == vlan).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new CsoException("cso-segment-not-found", "CSO device " + device + " has no LAN segment with VLAN " + vlan
                    + " (has " + segments + ")");
        }
        throw new CsoException("cso-segment-ambiguous", "CSO device " + device + " has " + matches.size()
                + " LAN segments with VLAN " + vlan + ": " + matches);
    }

    /**
     * The port profile the port has now, from the device's port list. Optional: an answer MESA
     * does not understand only costs the "before" in the summary. A list that is understood and
     * lacks the port fails the change, since CSO could not apply to it anyway.
     */
    private String previousProfile(String deviceUuid, String port) {
        String template = settings.paths().devicePorts();
        if (template.isEmpty()) {
            return null;
        }
        String path = template.replace("{device}", URLEncoder.encode(deviceUuid, StandardCharsets.UTF_8));
        JsonNode items;
        try {
            JsonNode answer = client.get(path);
            items = answer.isArray() ? answer : answer.path("device-port");
        } catch (CsoException e) {
            LOG.warn("CSO port list of device {} not available ({}); carrying on without it", deviceUuid, e.getMessage());
            return null;
        }
        if (!items.isArray() || items.isEmpty()) {
            LOG.warn("CSO GET {}: no port list understood; carrying on without it", template);
            return null;
        }
        for (JsonNode item : items) {
            JsonNode fq = item.path("fq_name");
            String last = fq.isArray() && !fq.isEmpty() ? fq.get(fq.size() - 1).asText() : "";
            if (port.equals(item.path("name").asText()) || port.equals(last)) {
                JsonNode refTo = item.path("port_profile_refs").path(0).path("to");
                if (refTo.isArray() && !refTo.isEmpty()) {
                    return refTo.get(refTo.size() - 1).asText();
                }
                String name = item.path("port_profile_name").asText("");
                return name.isEmpty() ? null : name;
            }
        }
        throw new CsoException("cso-port-not-found", "CSO lists " + items.size() + " ports on device " + deviceUuid
                + " but not " + port);
    }
}
