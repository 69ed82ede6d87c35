package io.jenkins.plugins.mesa.junos;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * How a switch's SSH host key is verified. There is no "trust anything" option: either a pinned
 * {@code SHA256:} fingerprint (as {@code ssh-keygen -lf} prints it) or an OpenSSH known_hosts file.
 */
public sealed interface HostKeyPolicy {

    /** The key's fingerprint must equal this {@code SHA256:<base64>} value. */
    record Pinned(String fingerprint) implements HostKeyPolicy {
        private static final Pattern FORMAT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");

        public Pinned {
            Objects.requireNonNull(fingerprint, "fingerprint");
            if (!FORMAT.matcher(fingerprint).matches()) {
                throw new IllegalArgumentException("host key pin must look like SHA256:<43 base64 chars>");
            }
            fingerprint = fingerprint.endsWith("=") ? fingerprint.substring(0, fingerprint.length() - 1) : fingerprint;
        }
    }

    /** The key must be listed for the host (and port) in this known_hosts file. */
    record KnownHosts(Path file) implements HostKeyPolicy {
        public KnownHosts {
            Objects.requireNonNull(file, "file");
        }
    }

    static HostKeyPolicy pinned(String fingerprint) {
        return new Pinned(fingerprint);
    }

    static HostKeyPolicy knownHosts(Path file) {
        return new KnownHosts(file);
    }

    /** {@code SHA256:<base64 without padding>} of the key's SSH wire encoding. */
    static String sha256Fingerprint(PublicKey key) {
        try {
            byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A verifier that remembers why it refused, so the caller can raise a clear error. */
    final class RecordingVerifier implements HostKeyVerifier {
        private final HostKeyPolicy policy;
        private final OpenSSHKnownHosts knownHosts;
        private volatile String rejection;
        private volatile String presented = "";

        RecordingVerifier(HostKeyPolicy policy) {
            this.policy = policy;
            if (policy instanceof KnownHosts kh) {
                try {
                    this.knownHosts = new OpenSSHKnownHosts(kh.file().toFile()) {
                        @Override
                        protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
                            rejection = "host key of " + hostname + " is not in " + kh.file() + " (unknown host)";
                            return false;
                        }

                        @Override
                        protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
                            rejection = "host key of " + hostname + " differs from the one in " + kh.file()
                                    + " (changed key: possible man-in-the-middle)";
                            return false;
                        }
                    };
                } catch (IOException e) {
                    throw NetconfException.connectFailed("cannot read known_hosts " + kh.file() + ": " + e.getMessage(), e);
                }
            } else {
                this.knownHosts = null;
            }
        }

        @Override
        public boolean verify(String hostname, int port, PublicKey key) {
            presented = sha256Fingerprint(key);
            if (policy instanceof Pinned p) {
                if (MessageDigest.isEqual(p.fingerprint().getBytes(), presented.getBytes())) {
                    return true;
                }
                rejection = "host key of " + hostname + ":" + port + " is " + presented
                        + ", not the pinned " + p.fingerprint();
                return false;
            }
            boolean ok = knownHosts.verify(hostname, port, key);
            if (!ok && rejection == null) {
                rejection = "host key of " + hostname + " rejected by " + ((KnownHosts) policy).file();
            }
            return ok;
        }

        @Override
        public List<String> findExistingAlgorithms(String hostname, int port) {
            return knownHosts == null ? List.of() : knownHosts.findExistingAlgorithms(hostname, port);
        }

        String rejection() {
            return rejection;
        }

        String presented() {
            return presented;
        }
    }
}
