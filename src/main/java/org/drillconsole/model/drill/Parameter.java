package org.drillconsole.model.drill;

/**
 * A value a runbook leaves to each installation, used as {@code ${name}} in its strings.
 *
 * @param defaultValue null when every installation must give its own
 * @param pattern a regular expression the whole value must match, or null
 */
public record Parameter(String name, String description, ParameterType type, String defaultValue, String pattern) {
}
