package io.jenkins.plugins.mesa.mist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A small stateful Mist API on 127.0.0.1 for the Mist back-end: org inventory and switch device
 * configs. Writes behave as Mist's do: a PUT of a device replaces the stored object with the body
 * (no merge, no conditional write), and {@code modified_time} moves on every write. Requests are
 * served concurrently, so racing writers really race.
 */
final class FakeMistSwitches implements AutoCloseable {
    static final String ORG = "2818e386-8dec-2562-9ede-5b8a0fbbdc71";
    static final String SITE = "978c48e6-6ef6-11e6-8bbf-02e208b2d34f";

    private final ObjectMapper mapper = new ObjectMapper();
    private final String token;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final Map<String, ObjectNode> devices = new ConcurrentHashMap<>();
    private final Map<String, String> inventoryByMac = new ConcurrentHashMap<>();
    private final AtomicInteger modified = new AtomicInteger(1764400000);
    final AtomicInteger puts = new AtomicInteger();
    final AtomicInteger deviceGets = new AtomicInteger();
    /** Runs when a device GET's answer is fixed, before it is sent: (device id, GET number). Lets a test play a foreign writer. */
    volatile BiConsumer<String, Integer> afterGet = (id, n) -> { };
    /** Runs after a PUT has been applied, before it is answered. */
    volatile BiConsumer<String, Integer> afterPut = (id, n) -> { };
    /** Status to answer PUTs with instead of applying them (0 = apply). */
    volatile int putStatus;

    FakeMistSwitches(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(executor);
        server.createContext("/api/v1/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Adds a switch (inventory entry + device config with the given port_config JSON). */
    String addSwitch(String mac, String name, String portConfigJson) {
        String id = "00000000-0000-0000-1000-" + mac;
        inventoryByMac.put(mac, """
                {"mac": "%s", "serial": "PE3719AA%s", "model": "EX4300-48P", "type": "switch", "name": "%s",
                 "site_id": "%s", "org_id": "%s", "connected": true, "id": "%s"}""".formatted(mac, mac.substring(8), name,
                SITE, ORG, id));
        devices.put(id, (ObjectNode) read("""
                {"id": "%s", "name": "%s", "type": "switch", "site_id": "%s", "org_id": "%s", "managed": true,
                 "notes": "closet 2B", "created_time": 1764300000, "modified_time": 1764300000,
                 "port_usages": {"ap": {"mode": "trunk", "all_networks": true, "port_network": "ap-mgmt", "poe_disabled": false},
                                 "dot1x": {"mode": "access", "port_auth": "dot1x", "enable_mac_auth": true}},
                 "port_config": %s}""".formatted(id, name, SITE, ORG, portConfigJson)));
        return id;
    }

    /** The stored device config, as the next GET would return it. */
    ObjectNode device(String id) {
        synchronized (devices) {
            return devices.get(id).deepCopy();
        }
    }

    /** A foreign writer (another admin, another tool) replacing one port's entry. */
    void foreignWrite(String id, String port, String usage) {
        synchronized (devices) {
            ObjectNode d = devices.get(id).deepCopy();
            ((ObjectNode) d.get("port_config")).putObject(port).put("usage", usage);
            d.put("modified_time", modified.incrementAndGet());
            devices.put(id, d);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!("Token " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "{\"detail\": \"Authentication credentials were not provided.\"}");
                return;
            }
            String path = ex.getRequestURI().getPath();
            String[] seg = path.split("/");
            if (ex.getRequestMethod().equals("GET") && path.equals("/api/v1/orgs/" + ORG + "/inventory")) {
                String mac = query(ex.getRequestURI(), "mac");
                String entry = mac == null ? null : inventoryByMac.get(mac);
                ex.getResponseHeaders().add("X-Page-Total", entry == null ? "0" : "1");
                ex.getResponseHeaders().add("X-Page-Limit", "100");
                ex.getResponseHeaders().add("X-Page-Page", "1");
                send(ex, 200, entry == null ? "[]" : "[" + entry + "]");
                return;
            }
            if (seg.length == 7 && path.startsWith("/api/v1/sites/" + SITE + "/devices/")) {
                String id = seg[6];
                if (!devices.containsKey(id)) {
                    send(ex, 404, "{\"detail\": \"Not found.\"}");
                    return;
                }
                if (ex.getRequestMethod().equals("GET")) {
                    String body;
                    synchronized (devices) {
                        body = mapper.writeValueAsString(devices.get(id));
                    }
                    // The hook runs after the answer is fixed but before it is sent: deterministic "between" timing.
                    afterGet.accept(id, deviceGets.incrementAndGet());
                    send(ex, 200, body);
                    return;
                }
                if (ex.getRequestMethod().equals("PUT")) {
                    if (putStatus != 0) {
                        send(ex, putStatus, "{\"detail\": \"refused by the fake\"}");
                        return;
                    }
                    JsonNode body = mapper.readTree(ex.getRequestBody());
                    if (!body.isObject()) {
                        send(ex, 400, "{\"detail\": \"expected an object\"}");
                        return;
                    }
                    String answer;
                    synchronized (devices) {
                        ObjectNode stored = (ObjectNode) body;
                        stored.put("id", id);
                        stored.put("modified_time", modified.incrementAndGet());
                        devices.put(id, stored); // whole-object replace, as Mist does
                        answer = mapper.writeValueAsString(stored);
                    }
                    afterPut.accept(id, puts.incrementAndGet());
                    send(ex, 200, answer);
                    return;
                }
            }
            send(ex, 404, "{\"detail\": \"Not found.\"}");
        }
    }

    private static String query(URI uri, String name) {
        if (uri.getRawQuery() == null) {
            return null;
        }
        for (String kv : uri.getRawQuery().split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
