package org.drillconsole.model.drill;

import java.util.List;

/**
 * What a check step verifies. Which fields apply depends on {@link #kind()}; the validator rejects the
 * others.
 *
 * @param kind workloadsReady, nodesReady, noRunningWorkspaces, standbyMatchesPrimary, apiReachable,
 *             apiUnreachable, httpGet, dnsResolves or backupAge
 * @param selector label selector, e.g. {@code app=gitpod}
 * @param name one object's name instead of a selector
 * @param count at least this many (nodesReady)
 * @param labels labels the counted nodes must carry (nodesReady)
 * @param url the URL to GET (httpGet)
 * @param expectStatus the HTTP status that passes (httpGet)
 * @param host the DNS name to resolve (dnsResolves)
 * @param expectAddress the address it must resolve to (dnsResolves)
 * @param expectStandbyProxy true: it must resolve to the standby proxy's load-balancer address (dnsResolves)
 * @param source velero, cronJob or operator (backupAge)
 * @param maxAge the newest backup may be at most this old (backupAge); the RPO objective when absent
 * @param compare what standbyMatchesPrimary compares: components, images, replicas
 */
public record Check(String kind, String selector, String name, Integer count, List<String> labels, String url,
                    Integer expectStatus, String host, String expectAddress, Boolean expectStandbyProxy,
                    String source, String maxAge, List<String> compare) {
}
