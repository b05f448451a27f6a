package org.drillconsole.cluster;

/** A kubeconfig or context that cannot be used. The message names the file, context or field. */
public class ClusterConfigException extends Exception {

    public ClusterConfigException(String message) {
        super(message);
    }
}
