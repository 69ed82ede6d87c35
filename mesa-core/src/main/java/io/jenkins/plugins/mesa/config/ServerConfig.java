package io.jenkins.plugins.mesa.config;

import io.jenkins.plugins.mesa.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP(S) endpoint and workers of {@code mesa serve} ({@code server:}). The request size cap
 * is {@code webhook.maxBodyBytes}.
 *
 * @param bind          address to listen on; loopback by default (put a TLS reverse proxy in front, or configure tls)
 * @param port          TCP port; 0 picks a free one (tests)
 * @param workers       worker threads handling events (changes are serialised per switch regardless)
 * @param shutdownGrace how long a shutdown waits for in-flight changes
 * @param tls           HTTPS from a keystore; plain HTTP when absent
 */
public record ServerConfig(String bind, int port, int workers, Duration shutdownGrace, Optional<Tls> tls) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServerConfig {
        Objects.requireNonNull(bind, "server.bind");
        Objects.requireNonNull(shutdownGrace, "server.shutdownGrace");
        Objects.requireNonNull(tls, "server.tls");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("server.port must be 0..65535");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("server.workers must be positive");
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_BIND, DEFAULT_PORT, 4, Duration.ofSeconds(60), Optional.empty());
    }

    /**
     * A keystore holding the server's certificate and key.
     *
     * @param keystore keystore file
     * @param password keystore (and key) password
     * @param type     {@code PKCS12} or {@code JKS}
     */
    public record Tls(Path keystore, Secret password, String type) {
        public Tls {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(type, "type");
        }
    }

    static ServerConfig read(Section s) {
        ServerConfig d = defaults();
        String bind = s.matching("bind", SwitchConfig.HOST, "an IP address or host name to listen on").orElse(d.bind());
        int port = s.integer("port", d.port(), 0, 65535);
        int workers = s.integer("workers", d.workers(), 1, 64);
        Duration grace = s.duration("shutdownGrace", d.shutdownGrace(), Duration.ZERO, Duration.ofHours(1));
        Optional<Tls> tls = s.optionalSection("tls").flatMap(ServerConfig::tls);
        boolean tlsGiven = s.has("tls");
        s.finish();
        if (!tlsGiven && !Section.isLoopback(bind)) {
            s.warn("tls", "webhooks are served over plain HTTP on a non-loopback address; configure tls"
                    + " or put a TLS reverse proxy in front");
        }
        return new ServerConfig(bind, port, workers, grace, tls);
    }

    private static Optional<Tls> tls(Section s) {
        Optional<Path> keystore = s.file("keystore");
        if (!s.has("keystore")) {
            s.missing("keystore", "a PKCS12 or JKS keystore file");
        }
        Secret password = s.requiredSecret("password", "the keystore password, e.g. ${env:MESA_KEYSTORE_PASSWORD}");
        String type = s.choice("type", "PKCS12", Section.choices(new String[] {"PKCS12", "JKS"}, t -> t));
        s.finish();
        keystore.ifPresent(f -> {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                s.error("keystore", "no readable file at " + f);
            }
        });
        if (keystore.isEmpty() || password == null) {
            return Optional.empty();
        }
        return Optional.of(new Tls(keystore.get(), password, type));
    }
}
