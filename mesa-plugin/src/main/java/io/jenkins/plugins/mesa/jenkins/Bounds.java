package io.jenkins.plugins.mesa.jenkins;

import hudson.Util;
import hudson.util.FormValidation;

/** Integer settings with a legal range: checked in the form, and again when set (JCasC, scripts). */
final class Bounds {
    private Bounds() {}

    static int check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static FormValidation validate(String value, int min, int max) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.error("Enter a whole number between " + min + " and " + max + ".");
        }
        try {
            int n = Integer.parseInt(v);
            return n < min || n > max
                    ? FormValidation.error("Must be between " + min + " and " + max + ".")
                    : FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error("Not a whole number.");
        }
    }
}
