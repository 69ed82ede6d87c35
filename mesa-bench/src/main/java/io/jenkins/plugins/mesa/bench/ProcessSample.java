package io.jenkins.plugins.mesa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory and thread count of a process, read from {@code /proc/<pid>/status} (Linux).
 *
 * @param rssKiB  {@code VmRSS} in KiB
 * @param threads {@code Threads}
 */
public record ProcessSample(long rssKiB, int threads) {

    /** Reads the sample now; fails with a clear message when the process is gone or this is not Linux. */
    public static ProcessSample of(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            return parse(Files.readString(status));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + status + " (process gone, or not Linux): " + e.getMessage(), e);
        }
    }

    static ProcessSample parse(String procStatus) {
        long rss = -1;
        int threads = -1;
        for (String line : procStatus.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.substring(8).trim());
            }
        }
        if (rss < 0 || threads < 0) {
            throw new IllegalStateException("no VmRSS/Threads lines in /proc/<pid>/status");
        }
        return new ProcessSample(rss, threads);
    }

    /** e.g. {@code 212.4 MiB, 31 threads}. */
    public String describe() {
        return String.format("%.1f MiB, %d threads", rssKiB / 1024.0, threads);
    }
}
