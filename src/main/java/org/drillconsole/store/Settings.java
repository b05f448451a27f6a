package org.drillconsole.store;

/**
 * What the console remembers between runs. Only file paths and context names: never credentials.
 *
 * @param usePractice true to rehearse on the built-in practice clusters instead of real ones
 * @param teamDb the team journal's JDBC URL (never with a password), or null
 */
public record Settings(String primaryKubeconfig, String primaryContext, String standbyKubeconfig,
                       String standbyContext, String namespace, boolean usePractice, String teamDb) {

    public Settings(String primaryKubeconfig, String primaryContext, String standbyKubeconfig, String standbyContext,
                    String namespace, boolean usePractice) {
        this(primaryKubeconfig, primaryContext, standbyKubeconfig, standbyContext, namespace, usePractice, null);
    }

    public static final String DEFAULT_NAMESPACE = "gitpod";

    public static Settings practice() {
        return new Settings("", "", "", "", DEFAULT_NAMESPACE, true);
    }

    public String namespaceOrDefault() {
        return namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
    }
}
