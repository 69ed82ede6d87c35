package io.jenkins.plugins.mesa.config;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers the line it came from, so every configuration error can name
 * its line. Scalars keep their text exactly as written; the binder decides what type it must be.
 */
sealed interface YamlNode {

    int line();

    /** What the YAML parser made of a scalar, before the binder's own checks. */
    enum ScalarKind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    record Scalar(String text, ScalarKind kind, int line) implements YamlNode {
    }

    /** One key of a mapping, with the line of the key itself. */
    record Entry(String key, int line, YamlNode value) {
    }

    /** Keys in file order. */
    record Mapping(Map<String, Entry> entries, int line) implements YamlNode {
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
    }

    static String describe(YamlNode node) {
        if (node instanceof Mapping) {
            return "a mapping";
        }
        if (node instanceof Sequence) {
            return "a list";
        }
        return switch (((Scalar) node).kind()) {
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case FLOAT -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
        };
    }
}
