package io.jenkins.plugins.mesa.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code ${env:NAME}} and {@code ${file:/path}} secret references are resolved. Injected so
 * that tests (and the Jenkins plugin) never depend on the real process environment or files.
 */
public interface SecretSource {

    /** Secret files larger than this are refused: no token, password or SSH key comes near it. */
    int MAX_FILE_BYTES = 64 * 1024;

    /** The environment variable's value, empty when unset. */
    Optional<String> env(String name);

    /**
     * The file's text (UTF-8, at most {@link #MAX_FILE_BYTES} bytes).
     *
     * @throws IOException when it cannot be read, is too large or is not UTF-8
     */
    String file(Path path) throws IOException;

    /** The process environment and the file system. */
    static SecretSource system() {
        return new SecretSource() {
            @Override
            public Optional<String> env(String name) {
                return Optional.ofNullable(System.getenv(name));
            }

            @Override
            public String file(Path path) throws IOException {
                try (InputStream in = Files.newInputStream(path)) {
                    byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
                    if (bytes.length > MAX_FILE_BYTES) {
                        throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
                    }
                    try {
                        return StandardCharsets.UTF_8.newDecoder()
                                .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                    } catch (CharacterCodingException e) {
                        throw new IOException("not UTF-8 text", e);
                    }
                }
            }
        };
    }

    /** Fixed values: for tests, and for hosts that resolve secrets themselves. */
    static SecretSource of(Map<String, String> env, Map<Path, String> files) {
        Map<String, String> e = Map.copyOf(env);
        Map<Path, String> f = Map.copyOf(files);
        return new SecretSource() {
            @Override
            public Optional<String> env(String name) {
                return Optional.ofNullable(e.get(name));
            }

            @Override
            public String file(Path path) throws IOException {
                String text = f.get(path);
                if (text == null) {
                    throw new NoSuchFileException(path.toString());
                }
                return text;
            }
        };
    }

    /** No environment and no files: every reference fails to resolve. */
    static SecretSource none() {
        return of(Map.of(), Map.of());
    }
}
