package io.jenkins.plugins.mesa.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a {@link YamlNode} tree with line numbers, refusing what a
 * configuration file never needs and an attacker would use: more than {@link #MAX_CHARS}
 * characters, nesting deeper than {@link #MAX_DEPTH}, anchors and aliases (so no alias bomb can
 * expand), tags, duplicate keys and several documents in one file.
 *
 * <p>Parser messages are not passed on verbatim: SnakeYAML quotes the offending line, which may
 * hold a secret. Only the line, the column and the problem with its quoted parts removed are kept.
 */
final class YamlReader {
    /** A configuration of hundreds of switches fits in well under 1 MiB. */
    static final int MAX_CHARS = 1 << 20;
    /** The schema is five levels deep; the margin is for flow-style lists. */
    static final int MAX_DEPTH = 20;

    private static final YAMLFactory FACTORY = factory();
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    /** Token names such as '<scalar>', and single characters such as ',' or ']': no room for a secret. */
    private static final Pattern TOKEN_NAME = Pattern.compile("'<[a-z ]{1,30}>'|'.'|\".\"");

    private final String source;
    private final List<ConfigError> errors;

    private YamlReader(String source, List<ConfigError> errors) {
        this.source = source;
        this.errors = errors;
    }

    /**
     * The document's root node; empty when the document is empty or could not be read, in which
     * case {@code errors} says why.
     */
    static Optional<YamlNode> read(String yaml, String source, List<ConfigError> errors) {
        if (yaml.length() > MAX_CHARS) {
            errors.add(new ConfigError(source, 0, "", "file too large: more than " + MAX_CHARS + " characters"));
            return Optional.empty();
        }
        return new YamlReader(source, errors).document(yaml);
    }

    private Optional<YamlNode> document(String yaml) {
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            Optional<YamlNode> root = value(parser, 1);
            if (root.isPresent() && parser.nextToken() != null) {
                error(line(parser), "", "only one YAML document is allowed in a configuration file");
                return Optional.empty();
            }
            return root;
        } catch (JsonProcessingException e) {
            syntaxError(e);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // SnakeYAML throws its own unchecked exceptions for limits (nesting, code points).
            syntaxError(e);
            return Optional.empty();
        }
    }

    /** Reads the value at the parser's current token; empty after recording an error. */
    private Optional<YamlNode> value(YAMLParser parser, int depth) throws IOException {
        int line = line(parser);
        if (parser.isCurrentAlias() || parser.getCurrentAnchor() != null) {
            error(line, "", "YAML anchors and aliases (& and *) are not supported in a configuration file");
            return Optional.empty();
        }
        if (parser.getTypeId() != null) {
            // tags change how a value is typed behind the reader's back; quoting does all a config needs
            error(line, "", "YAML tags (!…) are not supported in a configuration file");
            return Optional.empty();
        }
        if (depth > MAX_DEPTH) {
            error(line, "", "nested deeper than " + MAX_DEPTH + " levels");
            return Optional.empty();
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser);
                    parser.nextToken();
                    Optional<YamlNode> v = value(parser, depth + 1);
                    if (v.isEmpty()) {
                        return Optional.empty();
                    }
                    YamlNode.Entry previous = entries.get(key);
                    if (previous != null) {
                        // reported, and the first one kept, so that the rest of the file is still checked
                        error(keyLine, "", "duplicate key " + Keys.printable(key) + " (first at line "
                                + previous.line() + ")");
                    } else {
                        entries.put(key, new YamlNode.Entry(key, keyLine, v.get()));
                    }
                }
                return Optional.of(new YamlNode.Mapping(entries, line));
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    Optional<YamlNode> v = value(parser, depth + 1);
                    if (v.isEmpty()) {
                        return Optional.empty();
                    }
                    items.add(v.get());
                }
                return Optional.of(new YamlNode.Sequence(items, line));
            }
            case VALUE_STRING -> {
                return scalar(parser, YamlNode.ScalarKind.STRING, line);
            }
            case VALUE_NUMBER_INT -> {
                return scalar(parser, YamlNode.ScalarKind.INTEGER, line);
            }
            case VALUE_NUMBER_FLOAT -> {
                return scalar(parser, YamlNode.ScalarKind.FLOAT, line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return scalar(parser, YamlNode.ScalarKind.BOOLEAN, line);
            }
            case VALUE_NULL -> {
                return Optional.of(new YamlNode.Scalar("", YamlNode.ScalarKind.NULL, line));
            }
            default -> {
                error(line, "", "unsupported YAML content");
                return Optional.empty();
            }
        }
    }

    private static Optional<YamlNode> scalar(YAMLParser parser, YamlNode.ScalarKind kind, int line)
            throws IOException {
        return Optional.of(new YamlNode.Scalar(parser.getText(), kind, line));
    }

    private void syntaxError(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked) {
                Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
                int line = mark == null ? 0 : mark.getLine() + 1;
                String where = mark == null ? "" : " (column " + (mark.getColumn() + 1) + ")";
                error(line, "", "not valid YAML: " + problem(marked.getProblem()) + where);
                return;
            }
        }
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            error(jpe.getLocation().getLineNr(), "", "not valid YAML: " + limitProblem(e));
            return;
        }
        error(0, "", "not valid YAML: " + limitProblem(e));
    }

    /** SnakeYAML's problem text with quoted input removed; token names such as '<scalar>' stay. */
    static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "syntax error";
        }
        StringBuilder out = new StringBuilder();
        var m = QUOTED.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            out.append(TOKEN_NAME.matcher(m.group()).matches() ? m.group() : "…");
            last = m.end();
        }
        out.append(text.substring(last));
        String s = out.toString().replaceAll("\\p{Cntrl}", " ").trim();
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    /** Limit violations carry no input text; anything else is summarised by its kind only. */
    private static String limitProblem(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Nesting Depth") || m.contains("nesting depth")) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        if (m.contains("exceeds the limit")) {
            return "file too large";
        }
        if (m.contains("String value length") || m.contains("Number value length")) {
            return "a value is too long";
        }
        return "cannot be parsed (" + e.getClass().getSimpleName() + ")";
    }

    private static int line(JsonParser parser) {
        return Math.max(parser.currentTokenLocation().getLineNr(), 0);
    }

    private void error(int line, String path, String message) {
        errors.add(new ConfigError(source, line, path, message));
    }

    private static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        // duplicate keys are left to the tree builder, which reports all of them with both lines
        // (Jackson turns allowDuplicateKeys=false into a fail-fast parse error instead)
        options.setMaxAliasesForCollections(10);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH + 5);
        options.setCodePointLimit(MAX_CHARS + 1024);
        return YAMLFactory.builder()
                // duplicates are found (all of them, with both lines) while building the tree
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 5)
                        .maxStringLength(MAX_CHARS)
                        .maxNumberLength(64)
                        .maxNameLength(1024)
                        .build())
                .build();
    }
}
