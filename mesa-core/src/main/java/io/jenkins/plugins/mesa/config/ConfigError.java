package io.jenkins.plugins.mesa.config;

/**
 * One problem in a configuration file.
 *
 * @param source  the file name as given to the loader, e.g. {@code mesa.yaml}
 * @param line    1-based line the problem is on (the key, or the enclosing section for a missing key);
 *                0 when not known (a configuration built without a file)
 * @param path    key path such as {@code switches[2].hostKey}; empty for the document as a whole
 * @param message what is wrong and how to fix it; never contains a configured value
 */
public record ConfigError(String source, int line, String path, String message) {

    /** {@code mesa.yaml:14: switches[2].hostKey: required (…)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
