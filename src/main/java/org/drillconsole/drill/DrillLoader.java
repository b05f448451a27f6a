package org.drillconsole.drill;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.drillconsole.model.drill.DrillDefinition;

/**
 * Reads a runbook and checks it completely: unknown keys, types, durations, ids, clock marks, clusters.
 * Every problem names the file, line, column and path.
 */
public final class DrillLoader {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private DrillLoader() {
    }

    public static DrillDefinition load(Path file) throws DrillFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw single(file, 0, 0, "", "cannot read the runbook (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw single(file, 0, 0, "", "the runbook is empty");
        }
        Map<String, int[]> locations;
        DrillFile parsed;
        List<String[]> unknownKeys = new ArrayList<>();
        try {
            locations = locations(bytes);
            parsed = MAPPER.readerFor(DrillFile.class).withHandler(new DeserializationProblemHandler() {
                @Override
                public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                                     JsonDeserializer<?> deserializer, Object bean, String name)
                        throws IOException {
                    // Recorded and skipped, so that one run reports every problem of the file.
                    // The parser may already stand inside the key's value: find the object that holds the key.
                    var where = parser.getParsingContext();
                    while (where != null && !(where.inObject() && name.equals(where.getCurrentName()))) {
                        where = where.getParent();
                    }
                    String pointer = where == null ? "/" + name : where.pathAsPointer().toString();
                    String known = deserializer.getKnownPropertyNames().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", "));
                    unknownKeys.add(new String[] {pointer, "unknown key \"" + name + "\""
                            + (known.isEmpty() ? "" : " (allowed: " + known + ")")});
                    parser.skipChildren();
                    return true;
                }
            }).readValue(bytes);
        } catch (JsonMappingException e) {
            throw single(file, e.getLocation(), path(e), firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw single(file, e.getLocation(), "", "malformed YAML: " + yamlProblem(e.getOriginalMessage()));
        } catch (IOException e) {
            throw single(file, 0, 0, "", "cannot read the runbook: " + e.getMessage());
        }
        if (parsed == null) {
            throw single(file, 0, 0, "", "the runbook is empty");
        }
        DrillDefinition drill = new DrillDefinition(parsed.apiVersion(), parsed.kind(), parsed.metadata(),
                parsed.spec(), sha256(bytes));
        List<DrillProblem> problems = DrillValidator.validate(drill, file, locations, unknownKeys);
        if (!problems.isEmpty()) {
            throw new DrillFileException(problems);
        }
        return drill;
    }

    /** The file's shape: the definition without what the loader adds (the content hash). */
    private record DrillFile(String apiVersion, String kind, DrillDefinition.Metadata metadata,
                             DrillDefinition.Spec spec) {
    }

    /** Where each key and value stands, by JSON pointer ({@code /spec/steps/2/check/kind}). */
    private static Map<String, int[]> locations(byte[] bytes) throws IOException {
        Map<String, int[]> where = new HashMap<>();
        try (JsonParser parser = YAML.createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                JsonLocation at = parser.currentTokenLocation();
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    pointer = parser.getParsingContext().getParent() == null ? ""
                            : parser.getParsingContext().getParent().pathAsPointer().toString();
                }
                where.putIfAbsent(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
            }
        }
        return where;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static DrillFileException single(Path file, JsonLocation at, String path, String message) {
        return single(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), path, message);
    }

    private static DrillFileException single(Path file, int line, int column, String path, String message) {
        return new DrillFileException(List.of(new DrillProblem(file, line, column, path, message)));
    }

    /** SnakeYAML's message without its source excerpts: "while parsing …; expected …". */
    private static String yamlProblem(String message) {
        if (message == null) {
            return "cannot parse";
        }
        return java.util.Arrays.stream(message.split("\\R"))
                .filter(line -> !line.isBlank() && !line.startsWith(" ") && !line.startsWith("in '"))
                .collect(Collectors.joining("; "));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
