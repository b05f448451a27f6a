package org.drillconsole.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What a running pod's container has written, as {@code kubectl logs} shows it. */
@FunctionalInterface
public interface PodLogs {
    List<String> lines(ObjectNode pod, String container);
}
