package io.jenkins.plugins.mesa.junos;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The variables a profile template may use, each with its validation and its rendering into a
 * Junos statement. A value from a webhook or an API reaches a switch only through here.
 */
public enum ProfileVariable {
    /** The port, filled in from the change request (already an {@code InterfaceName}). */
    INTERFACE("interface") {
        @Override
        String render(String value) {
            if (!io.jenkins.plugins.mesa.change.InterfaceName.looksLikeInterface(value) || value.contains(".")) {
                throw ProfileException.badVariable(key(), "not a Junos physical interface: " + ProfileException.printable(value));
            }
            return value;
        }
    },
    /** Native (untagged) VLAN of a trunk: a VLAN id 1..4094. */
    NATIVE_VLAN("native_vlan") {
        @Override
        String render(String value) {
            return vlanId(key(), value);
        }
    },
    /** Trunk VLAN members: names or ids separated by commas or spaces; rendered as {@code [ a b ]}. */
    VLANS("vlans") {
        @Override
        String render(String value) {
            List<String> items = Arrays.stream(value.trim().split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
            if (items.isEmpty() || items.size() > 256) {
                throw ProfileException.badVariable(key(), "needs 1..256 VLANs");
            }
            return "[ " + String.join(" ", items.stream().map(v -> vlanRef(key(), v)).toList()) + " ]";
        }
    },
    /** The access VLAN of a secured port: a VLAN name or id. */
    ACCESS_VLAN("access_vlan") {
        @Override
        String render(String value) {
            return vlanRef(key(), value.trim());
        }
    },
    /** Free text for an interface description; used inside double quotes in a template. */
    DESCRIPTION("description") {
        @Override
        String render(String value) {
            if (value.length() > 120 || !DESCRIPTION_TEXT.matcher(value).matches()) {
                throw ProfileException.badVariable(key(),
                        "1..120 printable characters without quotes, backslashes or braces");
            }
            return value;
        }
    },
    /** PoE priority: {@code high} or {@code low}. */
    POE_PRIORITY("poe_priority") {
        @Override
        String render(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (!v.equals("high") && !v.equals("low")) {
                throw ProfileException.badVariable(key(), "must be high or low");
            }
            return v;
        }
    },
    /** 802.1X supplicant mode: single, single-secure or multiple. */
    SUPPLICANT("supplicant") {
        @Override
        String render(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (!List.of("single", "single-secure", "multiple").contains(v)) {
                throw ProfileException.badVariable(key(), "must be single, single-secure or multiple");
            }
            return v;
        }
    },
    /** Name of an access profile ({@code [edit access profile]}), e.g. the 802.1X RADIUS profile. */
    ACCESS_PROFILE("access_profile") {
        @Override
        String render(String value) {
            return name(key(), value.trim());
        }
    };

    private static final Pattern VLAN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,62}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,4}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern DESCRIPTION_TEXT = Pattern.compile("[\\x20-\\x7e&&[^\"\\\\{}]]{1,120}");

    private final String key;

    ProfileVariable(String key) {
        this.key = key;
    }

    /** The name used in templates, without braces. */
    public String key() {
        return key;
    }

    /** Validates a value and returns the text that goes into the statement; throws {@code bad-variable}. */
    abstract String render(String value);

    public static Optional<ProfileVariable> byKey(String key) {
        return Arrays.stream(values()).filter(v -> v.key.equals(key)).findFirst();
    }

    static String vlanId(String key, String value) {
        String v = value.trim();
        if (DIGITS.matcher(v).matches()) {
            int id = Integer.parseInt(v);
            if (id >= 1 && id <= 4094) {
                return Integer.toString(id);
            }
        }
        throw ProfileException.badVariable(key, "not a VLAN id 1..4094: " + ProfileException.printable(value));
    }

    static String vlanRef(String key, String value) {
        if (DIGITS.matcher(value).matches()) {
            return vlanId(key, value);
        }
        if (VLAN_NAME.matcher(value).matches()) {
            return value;
        }
        throw ProfileException.badVariable(key, "not a VLAN name or id: " + ProfileException.printable(value));
    }

    static String name(String key, String value) {
        if (NAME.matcher(value).matches()) {
            return value;
        }
        throw ProfileException.badVariable(key, "not a valid name: " + ProfileException.printable(value));
    }
}
