package org.drillconsole.store;

/**
 * What the console remembers between runs. Only file paths, context names and URLs: never credentials.
 *
 * @param usePractice true to rehearse on the built-in practice clusters instead of real ones
 * @param teamDb the team journal's JDBC URL (never with a password), or null
 * @param primaryGitpodUrl a Gitpod URL served by the primary, probed beside its API server, or null
 * @param standbyGitpodUrl the same for the standby, or null
 */
public record Settings(String primaryKubeconfig, String primaryContext, String standbyKubeconfig,
                       String standbyContext, String namespace, boolean usePractice, String teamDb,
                       String primaryGitpodUrl, String standbyGitpodUrl) {

    public Settings(String primaryKubeconfig, String primaryContext, String standbyKubeconfig, String standbyContext,
                    String namespace, boolean usePractice, String teamDb) {
        this(primaryKubeconfig, primaryContext, standbyKubeconfig, standbyContext, namespace, usePractice, teamDb,
                null, null);
    }

    public Settings(String primaryKubeconfig, String primaryContext, String standbyKubeconfig, String standbyContext,
                    String namespace, boolean usePractice) {
        this(primaryKubeconfig, primaryContext, standbyKubeconfig, standbyContext, namespace, usePractice, null);
    }

    /** A side's kubeconfig path, as saved (blank: the default kubeconfig). */
    public String kubeconfig(org.drillconsole.model.Side side) {
        return side == org.drillconsole.model.Side.PRIMARY ? primaryKubeconfig : standbyKubeconfig;
    }

    /** A side's kubeconfig context, as saved (blank: the kubeconfig's current one). */
    public String context(org.drillconsole.model.Side side) {
        return side == org.drillconsole.model.Side.PRIMARY ? primaryContext : standbyContext;
    }

    /** The Gitpod URL to probe for a side, or null when none is set. */
    public String gitpodUrl(org.drillconsole.model.Side side) {
        String url = side == org.drillconsole.model.Side.PRIMARY ? primaryGitpodUrl : standbyGitpodUrl;
        return url == null || url.isBlank() ? null : url;
    }

    public static final String DEFAULT_NAMESPACE = "gitpod";

    public static Settings practice() {
        return new Settings("", "", "", "", DEFAULT_NAMESPACE, true);
    }

    public String namespaceOrDefault() {
        return namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
    }
}
