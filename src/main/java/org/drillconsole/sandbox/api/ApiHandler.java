package org.drillconsole.sandbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drillconsole.sandbox.api.ObjectStore.Change;

/**
 * The Kubernetes API over the {@link ObjectStore}: discovery, OpenAPI v3 (enough for kubectl), list, get,
 * watch (chunked HTTP and WebSocket), create, replace, the three patch types, delete (one or a collection),
 * dry runs, server-side tables, and the {@code status}, {@code scale}, {@code log} and {@code eviction}
 * subresources.
 */
public final class ApiHandler implements HttpServer.Handler {

    private static final String JSON_TYPE = "application/json";
    private static final long LONGEST_WATCH_MS = 30 * 60 * 1000L;

    private final ObjectStore store;
    private final java.util.function.Function<String, Optional<Set<String>>> tokens;
    private final PodLogs logs;
    private volatile HttpServer server;

    /**
     * @param tokens the resources (plural names) a bearer token may not read, as a Role that does not grant
     *               them; empty for a token the server does not accept
     */
    public ApiHandler(ObjectStore store, java.util.function.Function<String, Optional<Set<String>>> tokens,
                      PodLogs logs) {
        this.store = store;
        this.tokens = tokens;
        this.logs = logs;
    }

    /** The server whose threads read watch clients' connections. */
    public void attach(HttpServer server) {
        this.server = server;
    }

    @Override
    public void handle(HttpRequest request, Exchange exchange) throws IOException {
        String authorization = request.header("authorization");
        // kubectl sends no credentials over plain HTTP (the practice servers' insecure port): those requests
        // are served as an insecure port serves them; a wrong token is refused as a real server refuses it.
        Set<String> refused = Set.of();
        if (!authorization.isEmpty()) {
            Optional<Set<String>> granted = authorization.startsWith("Bearer ")
                    ? tokens.apply(authorization.substring("Bearer ".length())) : Optional.empty();
            if (granted.isEmpty()) {
                respond(exchange, new ApiException(401, "Unauthorized", "Unauthorized"));
                return;
            }
            refused = granted.get();
        }
        try {
            route(request, exchange, refused);
        } catch (ApiException e) {
            respond(exchange, e);
        }
    }

    private void route(HttpRequest request, Exchange exchange, Set<String> refused) throws IOException, ApiException {
        String path = request.path().endsWith("/") && request.path().length() > 1
                ? request.path().substring(0, request.path().length() - 1) : request.path();
        List<String> parts = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
        switch (path) {
            case "/healthz", "/livez", "/readyz" -> {
                exchange.send(200, "text/plain; charset=utf-8", "ok");
                return;
            }
            case "/version" -> {
                json(exchange, 200, ApiResources.version());
                return;
            }
            case "/api" -> {
                json(exchange, 200, ApiResources.coreVersions());
                return;
            }
            case "/apis" -> {
                json(exchange, 200, ApiResources.groupList());
                return;
            }
            case "/openapi/v3" -> {
                json(exchange, 200, ApiResources.openApiIndex());
                return;
            }
            default -> {
                // resource paths below
            }
        }
        if (parts.size() >= 3 && parts.get(0).equals("openapi") && parts.get(1).equals("v3")) {
            String groupVersion = parts.get(2).equals("api") ? "v1" : String.join("/", parts.subList(3, parts.size()));
            Optional<ObjectNode> doc = ApiResources.openApi(groupVersion);
            if (doc.isEmpty()) {
                throw new ApiException(404, "NotFound", "the server could not find the requested resource");
            }
            json(exchange, 200, doc.get());
            return;
        }
        String group;
        String version;
        List<String> rest;
        if (parts.size() >= 2 && parts.get(0).equals("api")) {
            group = "";
            version = parts.get(1);
            rest = parts.subList(2, parts.size());
        } else if (parts.size() >= 3 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            version = parts.get(2);
            rest = parts.subList(3, parts.size());
        } else {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
        String groupVersion = group.isEmpty() ? version : group + "/" + version;
        if (!ApiResources.servesGroupVersion(groupVersion)) {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
        if (rest.isEmpty()) {
            json(exchange, 200, ApiResources.resourceList(groupVersion));
            return;
        }
        String namespace = null;
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")
                && ApiResources.find(group, version, rest.get(2)).map(ApiResource::namespaced).orElse(false)) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        ApiResource resource = ApiResources.find(group, version, rest.get(0)).orElseThrow(() ->
                new ApiException(404, "NotFound", "the server could not find the requested resource"));
        if (refused.contains(resource.plural())) {
            // as a real API server words it for a user whose Role does not grant the resource
            throw new ApiException(403, "Forbidden", resource.plural() + (resource.group().isEmpty() ? "" : "."
                    + resource.group()) + " is forbidden: User \"practice-limited\" cannot " + verb(request, rest)
                    + " resource \"" + resource.plural() + "\" in API group \"" + resource.group() + "\" "
                    + (namespace == null ? "at the cluster scope" : "in the namespace \"" + namespace + "\""));
        }
        String name = rest.size() > 1 ? rest.get(1) : null;
        String subresource = rest.size() > 2 ? rest.get(2) : null;
        if (rest.size() > 3 || (subresource != null && !resource.has(subresource))) {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
        boolean dryRun = request.param("dryRun").equals("All");
        if (name == null) {
            collection(request, exchange, resource, namespace, dryRun);
        } else {
            item(request, exchange, resource, namespace, name, subresource, dryRun);
        }
    }

    /** The RBAC verb of a request, for the words of a refusal. */
    private static String verb(HttpRequest request, List<String> rest) {
        return switch (request.method()) {
            case "GET" -> request.flag("watch") ? "watch" : rest.size() > 1 ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> rest.size() > 1 ? "delete" : "deletecollection";
            default -> request.method().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private void collection(HttpRequest request, Exchange exchange, ApiResource resource, String namespace,
                            boolean dryRun) throws IOException, ApiException {
        switch (request.method()) {
            case "GET" -> {
                Selector selector = selector(request, resource, namespace);
                if (request.flag("watch")) {
                    watch(request, exchange, resource, selector);
                    return;
                }
                ObjectStore.Snapshot snapshot = store.list(resource, selector);
                if (wantsTable(request)) {
                    json(exchange, 200, table(request, resource, snapshot.items(), Long.toString(snapshot.revision())));
                    return;
                }
                json(exchange, 200, list(resource, snapshot.items(), snapshot.revision()));
            }
            case "POST" -> {
                ObjectNode created = store.create(resource, resource.namespaced() ? namespace : null,
                        body(request), dryRun);
                json(exchange, 201, created);
            }
            case "DELETE" -> {
                Selector selector = selector(request, resource, namespace);
                List<ObjectNode> deleted = new java.util.ArrayList<>();
                for (ObjectNode object : store.list(resource, selector).items()) {
                    JsonNode metadata = object.get("metadata");
                    try {
                        deleted.add(store.delete(resource, metadata.path("namespace").asText(null),
                                metadata.get("name").asText(), dryRun));
                    } catch (ApiException alreadyGone) {
                        // deleted meanwhile (by its owner's deletion)
                    }
                }
                json(exchange, 200, list(resource, deleted, store.revision()));
            }
            default -> throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the"
                    + " requested resource");
        }
    }

    private void item(HttpRequest request, Exchange exchange, ApiResource resource, String namespace, String name,
                      String subresource, boolean dryRun) throws IOException, ApiException {
        String sub = subresource == null ? "" : subresource;
        switch (request.method() + " " + sub) {
            case "GET ", "GET status" -> {
                ObjectNode object = store.require(resource, namespace, name);
                if (wantsTable(request)) {
                    json(exchange, 200, table(request, resource, List.of(object),
                            object.path("metadata").path("resourceVersion").asText()));
                } else {
                    json(exchange, 200, object);
                }
            }
            case "GET scale" -> json(exchange, 200, scale(store.require(resource, namespace, name)));
            case "GET log" -> podLog(request, exchange, store.require(resource, namespace, name));
            case "PUT ", "PUT status" -> json(exchange, 200, store.replace(resource, namespace, name, body(request),
                    !sub.isEmpty(), dryRun));
            case "PUT scale" -> {
                JsonNode replicas = body(request).path("spec").path("replicas");
                json(exchange, 200, scale(store.update(resource, namespace, name, false, dryRun,
                        current -> withReplicas(current, name, replicas))));
            }
            // A patch applies to the object as it is when it is written, as the API server's does: a controller's
            // write in between is not a conflict (it was, now and then, for kubectl patch and scale).
            case "PATCH ", "PATCH status" -> {
                Patches.Type type = patchType(request);
                JsonNode patch = parse(request);
                json(exchange, 200, store.update(resource, namespace, name, !sub.isEmpty(), dryRun, current -> {
                    if (!(Patches.apply(type, current, patch) instanceof ObjectNode object)) {
                        throw ApiException.badRequest("the patch does not leave an object");
                    }
                    return object;
                }));
            }
            case "PATCH scale" -> {
                Patches.Type type = patchType(request);
                JsonNode patch = parse(request);
                json(exchange, 200, scale(store.update(resource, namespace, name, false, dryRun,
                        current -> withReplicas(current, name,
                                Patches.apply(type, scale(current), patch).path("spec").path("replicas")))));
            }
            case "DELETE " -> json(exchange, 200, store.delete(resource, namespace, name, dryRun));
            case "POST eviction" -> {
                store.delete(resource, namespace, name, dryRun);
                ObjectNode status = ApiResources.JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1")
                        .put("status", "Success").put("code", 201);
                status.putObject("metadata");
                json(exchange, 201, status);
            }
            default -> throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the"
                    + " requested resource");
        }
    }

    private void watch(HttpRequest request, Exchange exchange, ApiResource resource, Selector selector)
            throws IOException {
        boolean table = wantsTable(request);
        long timeoutSeconds = parseLong(request.param("timeoutSeconds"), 0);
        long deadline = System.currentTimeMillis() + (timeoutSeconds > 0 ? timeoutSeconds * 1000 : LONGEST_WATCH_MS);
        Watch watch;
        ApiException refused = null;
        try {
            watch = store.watch(resource, selector, request.param("resourceVersion"));
        } catch (ApiException e) {
            watch = null;
            refused = e;
        }
        Sink sink = exchange.asksForWebSocket() ? new WebSocketSink(exchange.upgrade())
                : new ChunkedSink(exchange.stream(200, JSON_TYPE));
        HttpServer readerThreads = server;
        Watch ending = watch;
        readerThreads.execute(() -> {
            sink.readUntilClientGone(exchange);
            if (ending != null) {
                ending.end();
            }
        });
        try {
            if (refused != null) {
                sink.send(event("ERROR", refused.status()));
                return;
            }
            while (true) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return;
                }
                Change change = watch.next(Math.min(left, 1000));
                if (change == null) {
                    if (watch.ended()) {
                        return;
                    }
                    continue;
                }
                JsonNode object = table ? table(request, resource, List.of(change.object()),
                        Long.toString(change.revision())) : change.object();
                sink.send(event(change.type().name(), object));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the watcher went away
        } finally {
            if (watch != null) {
                watch.end();
                store.unregister(watch);
            }
            sink.finish();
        }
    }

    private static byte[] event(String type, JsonNode object) throws JsonProcessingException {
        ObjectNode event = ApiResources.JSON.createObjectNode().put("type", type);
        event.set("object", object);
        byte[] json = ApiResources.JSON.writeValueAsBytes(event);
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }

    /** Where a watch's events go: a chunked body or WebSocket text frames. */
    private sealed interface Sink permits ChunkedSink, WebSocketSink {
        void send(byte[] event) throws IOException;

        void readUntilClientGone(Exchange exchange);

        void finish();
    }

    private record ChunkedSink(Exchange.Stream stream) implements Sink {
        @Override
        public void send(byte[] event) throws IOException {
            stream.write(event);
        }

        @Override
        public void readUntilClientGone(Exchange exchange) {
            exchange.awaitClientGone();
        }

        @Override
        public void finish() {
            try {
                stream.end();
            } catch (IOException gone) {
                // the client is gone already
            }
        }
    }

    private record WebSocketSink(WebSocket socket) implements Sink {
        @Override
        public void send(byte[] event) throws IOException {
            socket.sendText(new String(event, 0, event.length - 1, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void readUntilClientGone(Exchange exchange) {
            socket.readUntilClosed();
        }

        @Override
        public void finish() {
            socket.close();
        }
    }

    private void podLog(HttpRequest request, Exchange exchange, ObjectNode pod) throws IOException, ApiException {
        String container = request.param("container");
        if (container.isEmpty()) {
            container = pod.path("spec").path("containers").path(0).path("name").asText("");
        }
        String state = Printer.podStatus(pod);
        if (!pod.path("status").path("phase").asText("").equals("Running")) {
            throw ApiException.badRequest("container \"" + container + "\" in pod \"" + pod.path("metadata")
                    .path("name").asText() + "\" is waiting to start: " + state);
        }
        List<String> lines = logs.lines(pod, container);
        long tail = parseLong(request.param("tailLines"), -1);
        if (tail >= 0 && tail < lines.size()) {
            lines = lines.subList((int) (lines.size() - tail), lines.size());
        }
        String text = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        exchange.send(200, "text/plain", text);
    }

    private static ObjectNode scale(ObjectNode object) {
        ObjectNode scale = ApiResources.JSON.createObjectNode().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode metadata = scale.putObject("metadata");
        for (String field : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            if (object.path("metadata").has(field)) {
                metadata.set(field, object.path("metadata").get(field));
            }
        }
        scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
        List<String> selector = new java.util.ArrayList<>();
        object.path("spec").path("selector").path("matchLabels").fields()
                .forEachRemaining(e -> selector.add(e.getKey() + "=" + e.getValue().asText()));
        scale.putObject("status").put("replicas", object.path("status").path("replicas").asInt(0))
                .put("selector", String.join(",", selector));
        return scale;
    }

    /** {@code current} with {@code replicas} (a Scale's), or why they are not valid. */
    private static ObjectNode withReplicas(ObjectNode current, String name, JsonNode replicas) throws ApiException {
        if (!replicas.canConvertToInt() || !replicas.isIntegralNumber() || replicas.asInt() < 0) {
            throw ApiException.invalid("Scale.autoscaling \"" + name + "\" is invalid: spec.replicas: Invalid value: "
                    + replicas + ": must be greater than or equal to 0");
        }
        ObjectNode next = current.deepCopy();
        next.with("spec").put("replicas", replicas.asInt());
        return next;
    }

    private static Patches.Type patchType(HttpRequest request) throws ApiException {
        return Patches.type(request.header("content-type")).orElseThrow(() -> new ApiException(415,
                "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types"
                + " include: application/json-patch+json, application/merge-patch+json,"
                + " application/strategic-merge-patch+json"));
    }

    private static ObjectNode body(HttpRequest request) throws ApiException {
        JsonNode body = parse(request);
        if (!(body instanceof ObjectNode object)) {
            throw ApiException.badRequest("the body of the request is not a JSON object");
        }
        return object;
    }

    private static JsonNode parse(HttpRequest request) throws ApiException {
        String contentType = request.header("content-type");
        if (contentType.contains("protobuf") || contentType.contains("yaml")) {
            throw new ApiException(415, "UnsupportedMediaType", "the practice API server takes JSON bodies, not "
                    + contentType);
        }
        try {
            return ApiResources.JSON.readTree(request.body());
        } catch (IOException e) {
            throw ApiException.badRequest("the request body is not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /** The request's label and field selectors, within its namespace for a namespaced kind. */
    private static Selector selector(HttpRequest request, ApiResource resource, String namespace) throws ApiException {
        return Selector.parse(resource.namespaced() ? namespace : null, request.param("labelSelector"),
                request.param("fieldSelector"));
    }

    /** kubectl's table of the objects, each row with its whole object or its metadata as the request asks. */
    private static ObjectNode table(HttpRequest request, ApiResource resource, List<ObjectNode> objects,
                                    String resourceVersion) {
        return resource.printer().table(objects, resourceVersion, request.param("includeObject").equals("Object"),
                Instant.now());
    }

    private static boolean wantsTable(HttpRequest request) {
        String accept = request.header("accept");
        return accept.contains("as=Table");
    }

    private static ObjectNode list(ApiResource resource, List<ObjectNode> items, long revision) {
        ObjectNode list = ApiResources.JSON.createObjectNode().put("apiVersion", resource.apiVersion())
                .put("kind", resource.kind() + "List");
        list.putObject("metadata").put("resourceVersion", Long.toString(revision));
        ArrayNode array = list.putArray("items");
        items.forEach(array::add);
        return list;
    }

    private static void respond(Exchange exchange, ApiException e) throws IOException {
        json(exchange, e.code(), e.status());
    }

    private static void json(Exchange exchange, int code, JsonNode body) throws IOException {
        exchange.send(code, JSON_TYPE, ApiResources.JSON.writeValueAsBytes(body));
    }

    private static long parseLong(String text, long otherwise) {
        try {
            return text.isEmpty() ? otherwise : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
