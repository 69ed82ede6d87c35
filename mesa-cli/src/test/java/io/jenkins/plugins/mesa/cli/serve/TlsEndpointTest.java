package io.jenkins.plugins.mesa.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.cli.lab.LabPlan;
import io.jenkins.plugins.mesa.cli.lab.LabWorld;
import io.jenkins.plugins.mesa.config.MesaConfig;
import io.jenkins.plugins.mesa.lab.mist.MistWebhookSender;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code server.tls}: the webhook endpoint speaks HTTPS with the configured keystore, and only HTTPS. */
class TlsEndpointTest {

    @Test
    void theEndpointServesHttpsFromTheConfiguredKeystore(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("mesa.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "mesa", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit-tls", "-keypass", "changeit-tls").redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        Files.writeString(dir.resolve("keystore-password"), "changeit-tls");

        try (LabWorld lab = LabWorld.start(new LabPlan(1, 1, 3), dir.resolve("lab"))) {
            String yaml = Files.readString(lab.configFile()).replace("server:\n", "server:\n  tls:\n    keystore: "
                    + keystore + "\n    password: ${file:" + dir.resolve("keystore-password") + "}\n    type: PKCS12\n");
            Path config = dir.resolve("tls.yaml");
            Files.writeString(config, yaml);
            MesaConfig c = MesaConfig.load(config);
            try (ServeEngine engine = ServeEngine.start(c, "jdbc:sqlite:" + dir.resolve("tls.db"),
                    ServeEngine.Options.defaults().withAcceptWait(Duration.ZERO))) {
                assertThat(engine.webhookUri().getScheme()).isEqualTo("https");
                KeyStore trust = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keystore)) {
                    trust.load(in, "changeit-tls".toCharArray());
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                SSLContext ssl = SSLContext.getInstance("TLS");
                ssl.init(null, tmf.getTrustManagers(), null);
                HttpClient https = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();

                byte[] body = new MistWebhookSender("x", Duration.ofSeconds(1)).body(List.of(
                        lab.world().apEvent("AP_CONNECTED", lab.plan().apList().get(0).mac())));
                HttpResponse<String> signed = https.send(HttpRequest.newBuilder(engine.webhookUri())
                        .header("X-Mist-Signature-v2", MistWebhookSender.signatureV2(lab.webhookSecret(), body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(signed.statusCode()).isEqualTo(202);
                assertThat(engine.store().queue().depth()).isLessThanOrEqualTo(1);

                HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                String httpUrl = engine.webhookUri().toString().replace("https://", "http://");
                assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(java.net.URI.create(httpUrl))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()))
                        .as("no plain HTTP on the TLS port").isInstanceOf(java.io.IOException.class);
            }
        }
    }
}
