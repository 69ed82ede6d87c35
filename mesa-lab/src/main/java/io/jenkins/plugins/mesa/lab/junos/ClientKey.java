package io.jenkins.plugins.mesa.lab.junos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * A freshly generated SSH client key for lab users: the public half goes into a simulated
 * switch's authorized keys, the private half is OpenSSH-format text as a client would be handed.
 */
public record ClientKey(PublicKey publicKey, String openSshPrivateKey) {

    @Override
    public String toString() {
        return "ClientKey[" + publicKey.getAlgorithm() + "]";
    }

    public static ClientKey generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new OpenSSHKeyPairResourceWriter().writePrivateKey(kp, "mesa-lab", null, out);
            return new ClientKey(kp.getPublic(), out.toString(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a client key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
