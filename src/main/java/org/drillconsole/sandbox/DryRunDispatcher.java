package org.drillconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Queue;

/**
 * The practice API servers honour {@code ?dryRun=All} as Kubernetes does: a create, replace, merge patch or
 * delete is checked against what exists and answered with the object as it would be, and nothing is stored.
 * (fabric8's mock server ignores the parameter and would carry the change out.)
 */
final class DryRunDispatcher extends KubernetesMixedDispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    DryRunDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
        super(responses);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        HttpMethod method = request.method();
        if (method == HttpMethod.GET || path == null || !path.matches(".*[?&]dryRun=All(&.*)?$")) {
            return super.dispatch(request);
        }
        String plain = path.replaceAll("([?&])dryRun=All(&|$)", "$1").replaceAll("[?&]$", "");
        try {
            return switch (method) {
                case POST -> create(request, plain);
                case PUT -> existing(request, plain).code() == 200 ? json(200, request.getUtf8Body())
                        : existing(request, plain);
                case PATCH -> patch(request, plain);
                case DELETE -> existing(request, plain);
                default -> super.dispatch(request);
            };
        } catch (IOException e) {
            return status(400, "BadRequest", "the dry run could not read the request: " + e.getMessage());
        }
    }

    private MockResponse create(RecordedRequest request, String collection) throws IOException {
        JsonNode body = JSON.readTree(request.getUtf8Body());
        String name = body.path("metadata").path("name").asText("");
        if (name.isEmpty()) {
            return status(422, "Invalid", "metadata.name: Required value");
        }
        if (existing(request, collection.replaceAll("\\?.*$", "") + "/" + name).code() == 200) {
            return status(409, "AlreadyExists", body.path("kind").asText() + " \"" + name + "\" already exists");
        }
        return json(201, body.toString());
    }

    private MockResponse patch(RecordedRequest request, String path) throws IOException {
        MockResponse current = existing(request, path);
        if (current.code() != 200) {
            return current;
        }
        String type = String.valueOf(request.getHeader("Content-Type"));
        if (!type.contains("merge-patch")) {
            return status(415, "UnsupportedMediaType", "the practice API server dry-runs merge patches only, not "
                    + type);
        }
        JsonNode merged = merge(JSON.readTree(current.getBody().readUtf8()), JSON.readTree(request.getUtf8Body()));
        return json(200, merged.toString());
    }

    /** What a GET of the path answers now (200 with the object, or the API's 404). */
    private MockResponse existing(RecordedRequest request, String path) {
        return super.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.GET, path.replaceAll("\\?.*$", ""),
                request.getHeaders(), new Buffer()));
    }

    /** JSON merge patch (RFC 7386). */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target.isObject() ? ((ObjectNode) target).deepCopy() : JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.path(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse status(int code, String reason, String message) {
        ObjectNode status = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Status")
                .put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
        return json(code, status.toString());
    }
}
