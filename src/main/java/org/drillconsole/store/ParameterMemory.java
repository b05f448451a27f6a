package org.drillconsole.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameter values last used for each runbook in each environment (the practice clusters, or a pair of
 * contexts), so the window's form comes back filled in. Values are not secrets: runbooks must not take
 * secrets as parameters (they are recorded with every run).
 */
public final class ParameterMemory {

    /** As kept on disk: "runbook@environment" to the values. */
    public record Remembered(Map<String, Map<String, String>> values) {
        public Remembered {
            values = values == null ? new LinkedHashMap<>() : new LinkedHashMap<>(values);
        }
    }

    private final JsonFile<Remembered> json;

    public ParameterMemory(Path file) {
        this.json = new JsonFile<>(file, Remembered.class);
    }

    public Path file() {
        return json.file();
    }

    /** The values last used, or an empty map; a damaged file counts as empty (it is rewritten on the next start). */
    public Map<String, String> recall(String runbook, String environment) {
        try {
            Remembered remembered = json.load();
            Map<String, String> values = remembered == null ? null : remembered.values().get(key(runbook, environment));
            return values == null ? Map.of() : Map.copyOf(values);
        } catch (IOException e) {
            return Map.of();
        }
    }

    public synchronized void remember(String runbook, String environment, Map<String, String> values)
            throws IOException {
        Remembered remembered;
        try {
            remembered = json.load();
        } catch (IOException damaged) {
            remembered = null;
        }
        Map<String, Map<String, String>> all = remembered == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(remembered.values());
        all.put(key(runbook, environment), new LinkedHashMap<>(values));
        json.save(new Remembered(all));
    }

    private static String key(String runbook, String environment) {
        return runbook + "@" + environment;
    }
}
