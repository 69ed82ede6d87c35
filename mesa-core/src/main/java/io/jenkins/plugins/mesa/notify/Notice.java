package io.jenkins.plugins.mesa.notify;

import java.util.List;
import java.util.Objects;

/**
 * One message for a chat channel: a level (decides the colour), a one-line title and detail lines.
 *
 * @param level  how the outcome should look
 * @param title  e.g. "AP_CONNECTED ap-lobby-1 at HQ: sw1 ge-0/0/4 → ap (changed)"
 * @param lines  detail lines (decisions, diff summary, commit reference); may be empty
 * @param link   a link to the full record (Jenkins run URL), or empty
 */
public record Notice(Level level, String title, List<String> lines, String link) {

    public enum Level {
        /** A port was changed. */
        CHANGED,
        /** Nothing to do, or a guard decided not to act. */
        INFO,
        /** A guard held back during an outage, or something needs a look. */
        WARNING,
        /** A change failed. */
        FAILED
    }

    public Notice {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(title, "title");
        lines = List.copyOf(lines == null ? List.of() : lines);
        link = link == null ? "" : link;
    }
}
