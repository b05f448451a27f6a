package org.drillconsole.sandbox;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/**
 * The mock server answers discovery and health endpoints with meaningless lists unless told otherwise;
 * kubectl and our probe need them to look like a real API server.
 */
final class DiscoveryStubs {

    private DiscoveryStubs() {
    }

    static void install(KubernetesMockServer server) {
        stub(server, "/readyz", "ok");
        stub(server, "/livez", "ok");
        stub(server, "/healthz", "ok");
        stub(server, "/api", """
                {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]}""");
        stub(server, "/apis", """
                {"kind":"APIGroupList","apiVersion":"v1","groups":[
                 {"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}},
                 {"name":"batch","versions":[{"groupVersion":"batch/v1","version":"v1"}],"preferredVersion":{"groupVersion":"batch/v1","version":"v1"}},
                 {"name":"events.k8s.io","versions":[{"groupVersion":"events.k8s.io/v1","version":"v1"}],"preferredVersion":{"groupVersion":"events.k8s.io/v1","version":"v1"}}]}""");
        stub(server, "/api/v1", """
                {"kind":"APIResourceList","groupVersion":"v1","resources":[
                 %s,%s,%s,%s,%s,%s,%s,%s,
                 {"name":"pods/log","singularName":"","namespaced":true,"kind":"Pod","verbs":["get"]}]}"""
                .formatted(resource("pods", "Pod", true, "po"), resource("nodes", "Node", false, "no"),
                        resource("services", "Service", true, "svc"), resource("namespaces", "Namespace", false, "ns"),
                        resource("events", "Event", true, "ev"), resource("persistentvolumeclaims",
                                "PersistentVolumeClaim", true, "pvc"),
                        resource("secrets", "Secret", true, ""), resource("configmaps", "ConfigMap", true, "cm")));
        stub(server, "/apis/apps/v1", """
                {"kind":"APIResourceList","groupVersion":"apps/v1","resources":[%s,%s,%s,
                 {"name":"deployments/scale","singularName":"","namespaced":true,"group":"autoscaling","version":"v1","kind":"Scale","verbs":["get","patch","update"]},
                 {"name":"statefulsets/scale","singularName":"","namespaced":true,"group":"autoscaling","version":"v1","kind":"Scale","verbs":["get","patch","update"]}]}"""
                .formatted(resource("deployments", "Deployment", true, "deploy"),
                        resource("statefulsets", "StatefulSet", true, "sts"),
                        resource("daemonsets", "DaemonSet", true, "ds")));
        stub(server, "/apis/batch/v1", """
                {"kind":"APIResourceList","groupVersion":"batch/v1","resources":[%s,%s]}"""
                .formatted(resource("cronjobs", "CronJob", true, "cj"), resource("jobs", "Job", true, "")));
        stub(server, "/apis/events.k8s.io/v1", """
                {"kind":"APIResourceList","groupVersion":"events.k8s.io/v1","resources":[%s]}"""
                .formatted(resource("events", "Event", true, "ev")));
    }

    private static String resource(String plural, String kind, boolean namespaced, String shortName) {
        String shortNames = shortName.isEmpty() ? "" : ",\"shortNames\":[\"" + shortName + "\"]";
        return """
                {"name":"%s","singularName":"%s","namespaced":%s,"kind":"%s","verbs":["create","delete","get","list","patch","update","watch"]%s}"""
                .formatted(plural, kind.toLowerCase(), namespaced, kind, shortNames);
    }

    private static void stub(KubernetesMockServer server, String path, String body) {
        String type = body.startsWith("{") ? "application/json" : "text/plain";
        // Expectations match the query too, and kubectl asks for discovery with ?timeout=32s.
        for (String variant : new String[] {path, path + "?timeout=32s"}) {
            server.expect().get().withPath(variant).andReturn(200, body).withHeader("Content-Type", type).always();
        }
    }
}
