package org.drillconsole.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.drillconsole.model.Causes;
import tools.jackson.core.JacksonException;

/** Why a list of a cluster's objects failed, in words: for {@code health} and for the window's informers. */
final class ListFailures {

    private ListFailures() {
    }

    /**
     * The HTTP status the server gave, an answer that is not a Kubernetes list (a web page: the parser's own
     * message names Java classes and quotes the whole page), or what kept it from answering.
     */
    static String describe(Throwable error) {
        for (Throwable cause : Causes.chain(error)) {
            if (cause instanceof KubernetesClientException kce && kce.getCode() > 0) {
                return "HTTP " + kce.getCode() + (kce.getCode() == 404
                        ? " Not Found (is this a Kubernetes API server?)" : kce.getStatus() == null
                        || kce.getStatus().getReason() == null ? "" : " " + kce.getStatus().getReason());
            }
            if (cause instanceof JacksonException) {
                return "the server answered, but not with a Kubernetes list (a web page or a proxy's? is this a "
                        + "Kubernetes API server?)";
            }
        }
        return ApiProbe.describe(error);
    }
}
