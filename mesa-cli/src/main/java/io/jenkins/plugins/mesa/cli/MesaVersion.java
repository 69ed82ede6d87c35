package io.jenkins.plugins.mesa.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code mesa --version}: the version Maven filtered into {@code version.properties} at build time. */
public final class MesaVersion implements CommandLine.IVersionProvider {

    /** The build's version, e.g. {@code 0.1.0-SNAPSHOT}; "unknown" when run from unfiltered classes. */
    public static String version() {
        try (InputStream in = MesaVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"mesa " + version(), "Java " + System.getProperty("java.version")};
    }
}
