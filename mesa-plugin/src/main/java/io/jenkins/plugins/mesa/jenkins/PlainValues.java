package io.jenkins.plugins.mesa.jenkins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a facade result into values a Pipeline can hold and the sandbox can read without approval:
 * String, Number, Boolean, null, and LinkedHashMap/ArrayList of those. Anything else becomes its string form,
 * so no live object ever lands in the program state.
 */
final class PlainValues {
    private PlainValues() {}

    static LinkedHashMap<String, Object> copy(Map<String, ?> in) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, value(v)));
        return out;
    }

    private static Object value(Object v) {
        if (v == null
                || v instanceof String
                || v instanceof Boolean
                || v instanceof Integer
                || v instanceof Long
                || v instanceof Double) {
            return v;
        }
        if (v instanceof Number n) {
            return n.longValue() == n.doubleValue() ? (Object) n.longValue() : (Object) n.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), value(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(value(x)));
            return out;
        }
        return String.valueOf(v);
    }
}
