package org.drillconsole.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request the API refuses, answered as a Kubernetes {@code Status} with its code and reason. */
public final class ApiException extends Exception {

    private final int code;
    private final String reason;

    public ApiException(int code, String reason, String message) {
        super(message);
        this.code = code;
        this.reason = reason;
    }

    public static ApiException notFound(ApiResource resource, String name) {
        return new ApiException(404, "NotFound", resource.plural() + (resource.group().isEmpty() ? "" : "."
                + resource.group()) + " \"" + name + "\" not found");
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequest", message);
    }

    public static ApiException invalid(String message) {
        return new ApiException(422, "Invalid", message);
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    ObjectNode status() {
        ObjectNode status = ApiResources.JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        return status.put("status", "Failure").put("message", getMessage()).put("reason", reason).put("code", code);
    }
}
