package org.drillconsole.drill;

import java.util.regex.Pattern;
import org.drillconsole.model.drill.Names;
import org.drillconsole.model.drill.LabelSelectors;
import org.drillconsole.model.drill.ParameterType;

/** Whether a parameter's value fits its declared type and pattern. A pure function. */
public final class ParameterRules {

    private ParameterRules() {
    }

    /** @return null when the value fits, else what is wrong, in words with an example */
    public static String check(ParameterType type, Pattern pattern, String value) {
        String bad = switch (type) {
            case STRING -> null;
            case HOST -> Names.host(value);
            case URL -> Names.url(value);
            case NAME -> Names.objectName(value);
            case NAMESPACE -> Names.namespace(value);
            case ADDRESS -> Names.address(value);
            case SELECTOR -> {
                try {
                    LabelSelectors.parse(value);
                    yield null;
                } catch (LabelSelectors.SelectorException e) {
                    yield "is not a label selector: " + e.getMessage();
                }
            }
            case INTEGER -> value.matches("-?\\d{1,9}") ? null : "is not a whole number";
            case DURATION -> {
                try {
                    Durations.parse(value);
                    yield null;
                } catch (IllegalArgumentException e) {
                    yield "is not a duration: write 30s, 5m, 1h or 1h30m";
                }
            }
        };
        if (bad != null) {
            return "\"" + value + "\" " + bad + (bad.contains("such as") ? "" : " (expected " + type.example() + ")");
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            return "\"" + value + "\" does not match the pattern " + pattern.pattern();
        }
        return null;
    }
}
