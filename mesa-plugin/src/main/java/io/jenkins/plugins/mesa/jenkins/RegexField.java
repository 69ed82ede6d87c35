package io.jenkins.plugins.mesa.jenkins;

import hudson.Util;
import hudson.util.FormValidation;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Form validation of a user-entered regular expression (empty is allowed and means "any"). */
final class RegexField {
    private RegexField() {}

    static FormValidation check(String value, String what) {
        String p = Util.fixEmptyAndTrim(value);
        if (p == null) {
            return FormValidation.ok();
        }
        try {
            Pattern.compile(p);
            return FormValidation.ok();
        } catch (PatternSyntaxException e) {
            return FormValidation.error("Not a valid regular expression for the " + what + ": " + e.getDescription());
        }
    }
}
