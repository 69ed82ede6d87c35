package io.jenkins.plugins.mesa.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Unmodifiable copies that keep the file's order, so that {@code describe()} prints what the file said, in order. */
final class Copies {
    private Copies() {
    }

    static <K, V> Map<K, V> map(Map<K, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    static <T> List<T> list(List<T> l) {
        return List.copyOf(l);
    }
}
