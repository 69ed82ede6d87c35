package io.jenkins.plugins.mesa.lab.mist;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful Mist cloud on 127.0.0.1 (ephemeral port) that answers the REST calls MESA makes with Mist's JSON,
 * from a {@link MistWorld} a lab scenario changes as it goes. Every call needs {@code Authorization: Token <token>};
 * unknown paths get a JSON 404. {@link #faults()} arms 429/503 answers and delays; {@link #requestCount(String)}
 * counts calls per route. Start with {@link #start(MistWorld, String)}, stop with {@link #close()}.
 */
public final class MistCloudSimulator implements AutoCloseable {
    public static final String SITE = "GET /api/v1/sites/{site_id}";
    public static final String SITE_STATS = "GET /api/v1/sites/{site_id}/stats";
    public static final String DEVICE_STATS = "GET /api/v1/sites/{site_id}/stats/devices/{device_id}";
    public static final String DEVICE_STATS_LIST = "GET /api/v1/sites/{site_id}/stats/devices";
    public static final String PORT_SEARCH = "GET /api/v1/sites/{site_id}/stats/ports/search";
    public static final String ORG_PORT_SEARCH = "GET /api/v1/orgs/{org_id}/stats/ports/search";
    public static final String INVENTORY = "GET /api/v1/orgs/{org_id}/inventory";
    public static final String ORG_DEVICE_SEARCH = "GET /api/v1/orgs/{org_id}/devices/search";
    public static final String SITE_DEVICE_SEARCH = "GET /api/v1/sites/{site_id}/devices/search";
    public static final String DEVICE = "GET /api/v1/sites/{site_id}/devices/{device_id}";
    public static final String DEVICE_PUT = "PUT /api/v1/sites/{site_id}/devices/{device_id}";
    public static final String LOCAL_PORT_CONFIG_PUT = "PUT /api/v1/sites/{site_id}/devices/{device_id}/local_port_config";
    public static final String LOCAL_PORT_CONFIG_DELETE =
            "DELETE /api/v1/sites/{site_id}/devices/{device_id}/local_port_config";

    private static final Logger LOG = LoggerFactory.getLogger(MistCloudSimulator.class);
    private static final String NO_CREDENTIALS = "Authentication credentials were not provided.";
    private static final String BAD_TOKEN = "Invalid token.";

    private final MistWorld world;
    private final byte[] expectedAuthorization;
    private final MistFaults faults = new MistFaults();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final Javalin app;
    private final List<Consumer<MistRequest>> listeners = new CopyOnWriteArrayList<>();

    private MistCloudSimulator(MistWorld world, String token) {
        this.world = Objects.requireNonNull(world, "world");
        if (Objects.requireNonNull(token, "token").isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        this.expectedAuthorization = ("Token " + token).getBytes(StandardCharsets.UTF_8);
        MistEndpoints api = new MistEndpoints(world);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // A handful of threads is plenty for a lab and keeps the 2-core machine quiet.
            config.jetty.threadPool = new QueuedThreadPool(16, 2);
            config.routes.before(this::authenticate);
            route(config.routes, SITE, api::site);
            route(config.routes, SITE_STATS, api::siteStats);
            route(config.routes, DEVICE_STATS, api::deviceStats);
            route(config.routes, DEVICE_STATS_LIST, api::deviceStatsList);
            route(config.routes, PORT_SEARCH, api::portSearch);
            route(config.routes, ORG_PORT_SEARCH, api::portSearch);
            route(config.routes, INVENTORY, api::inventory);
            route(config.routes, ORG_DEVICE_SEARCH, api::deviceSearch);
            route(config.routes, SITE_DEVICE_SEARCH, api::deviceSearch);
            route(config.routes, DEVICE, api::device);
            route(config.routes, DEVICE_PUT, api::replaceDevice);
            route(config.routes, LOCAL_PORT_CONFIG_PUT, api::putLocalPortConfig);
            route(config.routes, LOCAL_PORT_CONFIG_DELETE, api::deleteLocalPortConfig);
            config.routes.exception(MistHttpError.class, (e, ctx) -> detail(ctx, e.status, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("simulated Mist cloud failed on {} {}", ctx.method(), ctx.path(), e);
                detail(ctx, 500, "Internal Server Error");
            });
            config.requestLogger.http((ctx, millis) -> report(ctx));
            // Javalin answers unmatched paths in plain text; Mist answers in JSON. Our own 404s are JSON already.
            config.routes.error(404, ctx -> {
                String result = ctx.result();
                if (result == null || !result.startsWith("{")) {
                    detail(ctx, 404, "Not Found");
                }
            });
        });
    }

    /** Starts the simulated cloud for this world on 127.0.0.1, on a free port. */
    public static MistCloudSimulator start(MistWorld world, String token) {
        MistCloudSimulator simulator = new MistCloudSimulator(world, token);
        simulator.app.start("127.0.0.1", 0);
        return simulator;
    }

    /** {@code http://127.0.0.1:<port>}: what MESA's Mist "cloud" setting should point at. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    /** The address the server socket is really bound to (tests check it is loopback only). */
    String boundHost() {
        for (org.eclipse.jetty.server.Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.NetworkConnector network) {
                return network.getHost();
            }
        }
        return null;
    }

    public MistWorld world() {
        return world;
    }

    public MistFaults faults() {
        return faults;
    }

    /**
     * How many authenticated requests reached a route (faulted ones included), e.g.
     * {@code requestCount(MistCloudSimulator.SITE_STATS)}.
     */
    public int requestCount(String route) {
        AtomicInteger n = counts.get(route);
        return n == null ? 0 : n.get();
    }

    /** Every request received, unauthenticated and unknown paths included. */
    public int totalRequests() {
        return total.get();
    }

    /** Route → count, sorted, for a lab summary. */
    public Map<String, Integer> requestCounts() {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((route, n) -> out.put(route, n.get()));
        return out;
    }

    /** Calls {@code listener} after each answered request (on a server thread; keep it quick). */
    public void onRequest(Consumer<MistRequest> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Zeroes every request counter. */
    public void resetCounts() {
        counts.clear();
        total.set(0);
    }

    @Override
    public void close() {
        faults.releaseDelayed();
        app.stop();
    }

    @Override
    public String toString() {
        return "MistCloudSimulator[" + baseUri() + "]";
    }

    private void authenticate(Context ctx) {
        total.incrementAndGet();
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new MistHttpError(401, NO_CREDENTIALS);
        }
        if (!MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expectedAuthorization)) {
            throw new MistHttpError(401, BAD_TOKEN);
        }
    }

    private void route(io.javalin.config.RoutesConfig routes, String route, Handler handler) {
        int space = route.indexOf(' ');
        String method = route.substring(0, space);
        String path = route.substring(space + 1);
        Handler wrapped = ctx -> {
            counts.computeIfAbsent(route, r -> new AtomicInteger()).incrementAndGet();
            faults.holdBack();
            Optional<MistFaults.Fault> fault = faults.next(route);
            if (fault.isPresent()) {
                detail(ctx, fault.get().status(), fault.get().detail());
                return;
            }
            handler.handle(ctx);
        };
        switch (method) {
            case "GET" -> routes.get(path, wrapped);
            case "PUT" -> routes.put(path, wrapped);
            case "DELETE" -> routes.delete(path, wrapped);
            default -> throw new IllegalArgumentException("unsupported method in route " + route);
        }
    }

    private void report(Context ctx) {
        if (listeners.isEmpty()) {
            return;
        }
        String query = ctx.queryString();
        MistRequest request = new MistRequest(ctx.method().name(), ctx.path(), query == null ? "" : query,
                ctx.statusCode());
        for (Consumer<MistRequest> listener : listeners) {
            try {
                listener.accept(request);
            } catch (RuntimeException e) {
                LOG.warn("request listener failed", e);
            }
        }
    }

    private static void detail(Context ctx, int status, String detail) {
        ctx.status(status).contentType("application/json")
                .result(MistJson.MAPPER.createObjectNode().put("detail", detail).toString());
    }
}
