package org.drillconsole.model.drill;

/** What a parameter's value must be. */
public enum ParameterType {
    STRING("string", "any text"),
    HOST("host", "a host name such as gitpod.example.com"),
    URL("url", "an http or https URL such as https://gitpod.example.com/api/version"),
    NAME("name", "a Kubernetes object name such as ws-manager"),
    NAMESPACE("namespace", "a Kubernetes namespace such as gitpod"),
    ADDRESS("address", "an IP address such as 203.0.113.10"),
    SELECTOR("selector", "a Kubernetes label selector such as app=gitpod"),
    INTEGER("integer", "a whole number such as 3"),
    DURATION("duration", "a duration such as 30s, 5m, 1h or 1h30m");

    private final String key;
    private final String example;

    ParameterType(String key, String example) {
        this.key = key;
        this.example = example;
    }

    public String key() {
        return key;
    }

    /** What a valid value looks like, in words with an example. */
    public String example() {
        return example;
    }
}
