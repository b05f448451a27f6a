package org.drillconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The practice API server's storage, as etcd behind a real one: every object by kind, namespace and name,
 * one resourceVersion counter, a history of recent changes to resume watches from, optimistic concurrency,
 * generations, status kept apart from spec, and owner-based garbage collection. Stored objects are never
 * changed in place: readers may hold them without copying.
 */
public final class ObjectStore {

    public enum EventType { ADDED, MODIFIED, DELETED }

    /** One committed change; {@code previous} is null for ADDED. */
    public record Change(EventType type, ApiResource resource, ObjectNode object, ObjectNode previous, long revision) {
    }

    /** A consistent list: the objects and the resourceVersion they were read at. */
    public record Snapshot(List<ObjectNode> items, long revision) {
    }

    /** Changes kept to resume watches from (etcd compacts too); older versions get 410 Gone. */
    private static final int HISTORY = 10_000;
    /** The characters Kubernetes uses in generated names (no vowels, no look-alikes). */
    public static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final Object lock = new Object();
    private final Map<ApiResource, TreeMap<String, ObjectNode>> objects = new HashMap<>();
    /**
     * Who owns what: an owner's uid to the kinds and keys of the objects whose ownerReferences name it, kept
     * with every write, so that the controllers and the garbage collector find a workload's pods without
     * reading every pod (a practice cluster may hold tens of thousands).
     */
    private final Map<String, Map<ApiResource, TreeSet<String>>> dependents = new HashMap<>();
    /** The uids of the objects stored: a dependent whose owners are all gone is collected as it is written. */
    private final java.util.Set<String> uids = new java.util.HashSet<>();
    private final ArrayDeque<Change> history = new ArrayDeque<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private long revision = 1000;

    /** Called for every committed change, under the store's lock: must not block. */
    public void addListener(Consumer<Change> listener) {
        listeners.add(listener);
    }

    public long revision() {
        synchronized (lock) {
            return revision;
        }
    }

    public ObjectNode get(ApiResource resource, String namespace, String name) {
        synchronized (lock) {
            return table(resource).get(key(resource, namespace, name));
        }
    }

    public ObjectNode require(ApiResource resource, String namespace, String name) throws ApiException {
        ObjectNode object = get(resource, namespace, name);
        if (object == null) {
            throw ApiException.notFound(resource, name);
        }
        return object;
    }

    public Snapshot list(ApiResource resource, Selector selector) {
        synchronized (lock) {
            List<ObjectNode> items = new ArrayList<>();
            for (ObjectNode object : table(resource).values()) {
                if (selector.test(object)) {
                    items.add(object);
                }
            }
            return new Snapshot(items, revision);
        }
    }

    /** The objects of a kind whose ownerReferences name this owner, in name order. */
    public List<ObjectNode> owned(ApiResource resource, String ownerUid) {
        synchronized (lock) {
            List<ObjectNode> owned = new ArrayList<>();
            for (String key : dependents.getOrDefault(ownerUid, Map.of()).getOrDefault(resource, new TreeSet<>())) {
                owned.add(table(resource).get(key));
            }
            return owned;
        }
    }

    public List<ObjectNode> list(ApiResource resource, String namespace) {
        return list(resource, new Selector(namespace, Selector.all().labels(), List.of())).items();
    }

    /** Creates an object (name from generateName when asked); with {@code dryRun} nothing is stored. */
    public ObjectNode create(ApiResource resource, String namespace, ObjectNode body, boolean dryRun)
            throws ApiException {
        synchronized (lock) {
            ObjectNode object = body.deepCopy();
            object.put("apiVersion", resource.apiVersion()).put("kind", resource.kind());
            ObjectNode metadata = object.with("metadata");
            if (resource.namespaced()) {
                String given = metadata.path("namespace").asText("");
                if (!given.isEmpty() && namespace != null && !given.equals(namespace)) {
                    throw ApiException.badRequest("the namespace of the provided object does not match the namespace"
                            + " sent on the request");
                }
                metadata.put("namespace", namespace != null ? namespace : given.isEmpty() ? "default" : given);
            } else {
                metadata.remove("namespace");
            }
            String name = metadata.path("name").asText("");
            if (name.isEmpty() && metadata.hasNonNull("generateName")) {
                do {
                    name = metadata.get("generateName").asText() + suffix();
                } while (table(resource).containsKey(key(resource, metadata.path("namespace").asText(), name)));
                metadata.put("name", name);
            }
            if (name.isEmpty()) {
                throw ApiException.invalid(resource.kind() + " \"\" is invalid: metadata.name: Required value: name or"
                        + " generateName is required");
            }
            String key = key(resource, metadata.path("namespace").asText(null), name);
            if (table(resource).containsKey(key)) {
                throw new ApiException(409, "AlreadyExists", resource.plural() + " \"" + name + "\" already exists");
            }
            metadata.remove("resourceVersion");
            metadata.put("uid", UUID.randomUUID().toString());
            metadata.put("creationTimestamp", now());
            if (object.has("spec")) {
                metadata.put("generation", 1);
            }
            if (dryRun) {
                return object;
            }
            return commit(EventType.ADDED, resource, key, object, null);
        }
    }

    /**
     * Replaces an object ({@code status}: only its status). A resourceVersion in the body must match.
     */
    public ObjectNode replace(ApiResource resource, String namespace, String name, ObjectNode body,
                              boolean statusOnly, boolean dryRun) throws ApiException {
        synchronized (lock) {
            String key = key(resource, namespace, name);
            ObjectNode current = table(resource).get(key);
            if (current == null) {
                throw ApiException.notFound(resource, name);
            }
            String expected = body.path("metadata").path("resourceVersion").asText("");
            if (!expected.isEmpty() && !expected.equals(current.path("metadata").path("resourceVersion").asText())) {
                throw new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + resource + " \"" + name
                        + "\": the object has been modified; please apply your changes to the latest version and"
                        + " try again");
            }
            if (!body.path("metadata").path("name").asText(name).equals(name)) {
                throw badName(resource, name, body);
            }
            ObjectNode next;
            if (statusOnly) {
                next = current.deepCopy();
                if (body.has("status")) {
                    next.set("status", body.get("status").deepCopy());
                } else {
                    next.remove("status");
                }
            } else {
                next = body.deepCopy();
                next.put("apiVersion", resource.apiVersion()).put("kind", resource.kind());
                ObjectNode metadata = next.with("metadata");
                JsonNode old = current.get("metadata");
                for (String kept : List.of("uid", "creationTimestamp", "namespace", "generation", "name")) {
                    if (old.has(kept)) {
                        metadata.set(kept, old.get(kept));
                    }
                }
                if (resource.has("status")) {
                    if (current.has("status")) {
                        next.set("status", current.get("status"));
                    } else {
                        next.remove("status");
                    }
                }
                if (!Objects.equals(current.get("spec"), next.get("spec")) && metadata.has("generation")) {
                    metadata.put("generation", metadata.get("generation").asLong() + 1);
                }
            }
            if (dryRun) {
                return next;
            }
            // next is this call's own copy: given the current version, it equals current when nothing changed
            // (commit writes the new version anyway)
            next.with("metadata").put("resourceVersion", current.path("metadata").path("resourceVersion").asText());
            if (next.equals(current)) {
                return current;
            }
            return commit(EventType.MODIFIED, resource, key, next, current);
        }
    }

    /** A new state of an object computed from its state now; may refuse the change. */
    @FunctionalInterface
    public interface Edit {
        ObjectNode apply(ObjectNode current) throws ApiException;
    }

    /**
     * Read-modify-write under the lock, as the API server applies a patch: {@code edit} sees the object as it is
     * now, so a write by someone else in between is not a conflict. A resourceVersion the edit leaves in the
     * object is still a precondition ({@link #replace}); {@code current} itself must not be changed.
     */
    public ObjectNode update(ApiResource resource, String namespace, String name, boolean statusOnly, boolean dryRun,
                             Edit edit) throws ApiException {
        synchronized (lock) {
            return replace(resource, namespace, name, edit.apply(require(resource, namespace, name)), statusOnly,
                    dryRun);
        }
    }

    /** Read-modify-write under the lock, for the simulated controllers (no conflicts possible). */
    public ObjectNode modify(ApiResource resource, String namespace, String name, boolean statusOnly,
                             UnaryOperator<ObjectNode> change) throws ApiException {
        return update(resource, namespace, name, statusOnly, false, current -> {
            ObjectNode next = change.apply(current.deepCopy());
            next.with("metadata").put("resourceVersion", current.path("metadata").path("resourceVersion").asText());
            return next;
        });
    }

    /** Deletes an object and (as the garbage collector would) everything it owns. */
    public ObjectNode delete(ApiResource resource, String namespace, String name, boolean dryRun) throws ApiException {
        synchronized (lock) {
            String key = key(resource, namespace, name);
            ObjectNode current = table(resource).get(key);
            if (current == null) {
                throw ApiException.notFound(resource, name);
            }
            if (dryRun) {
                return current;
            }
            table(resource).remove(key);
            index(resource, key, current, null);
            ObjectNode gone = current.deepCopy();
            gone.with("metadata").put("deletionTimestamp", now());
            commitDeletion(resource, gone, current);
            collectDependents(uid(current));
            return gone;
        }
    }

    private void collectDependents(String ownerUid) {
        for (ApiResource kind : List.copyOf(dependents.getOrDefault(ownerUid, Map.of()).keySet())) {
            for (ObjectNode object : owned(kind, ownerUid)) {
                collect(kind, object);
            }
        }
    }

    /** Deletes a dependent as the garbage collector does: one collected meanwhile (through another owner) is left. */
    private void collect(ApiResource kind, ObjectNode object) {
        JsonNode metadata = object.get("metadata");
        try {
            delete(kind, metadata.path("namespace").asText(null), metadata.get("name").asText(), false);
        } catch (ApiException alreadyGone) {
            // collected meanwhile
        }
    }

    /**
     * Moves an object's key from the owners it had to the owners it has (none once deleted), and its uid into
     * or out of the uids stored.
     */
    private void index(ApiResource resource, String key, ObjectNode previous, ObjectNode next) {
        if (previous != null) {
            uids.remove(uid(previous));
        }
        if (next != null) {
            uids.add(uid(next));
        }
        for (String uid : ownerUids(previous)) {
            Map<ApiResource, TreeSet<String>> kinds = dependents.get(uid);
            if (kinds != null && kinds.containsKey(resource)) {
                kinds.get(resource).remove(key);
                if (kinds.get(resource).isEmpty()) {
                    kinds.remove(resource);
                }
                if (kinds.isEmpty()) {
                    dependents.remove(uid);
                }
            }
        }
        for (String uid : ownerUids(next)) {
            dependents.computeIfAbsent(uid, u -> new HashMap<>()).computeIfAbsent(resource, r -> new TreeSet<>())
                    .add(key);
        }
    }

    private static String uid(ObjectNode object) {
        return object.path("metadata").path("uid").asText();
    }

    private static List<String> ownerUids(ObjectNode object) {
        if (object == null) {
            return List.of();
        }
        List<String> uids = new ArrayList<>();
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
            String uid = owner.path("uid").asText("");
            if (!uid.isEmpty()) {
                uids.add(uid);
            }
        }
        return uids;
    }

    /**
     * Starts a watch. Without a resourceVersion (or "0") the watcher first gets every matching object as
     * ADDED; with one it gets every change after it, or 410 Gone when that is older than the history.
     */
    public Watch watch(ApiResource resource, Selector selector, String resourceVersion) throws ApiException {
        synchronized (lock) {
            Watch watch = new Watch(resource, selector);
            if (resourceVersion.isEmpty() || resourceVersion.equals("0")) {
                for (ObjectNode object : table(resource).values()) {
                    if (selector.test(object)) {
                        watch.offer(new Change(EventType.ADDED, resource, object, null, revision));
                    }
                }
            } else {
                long since;
                try {
                    since = Long.parseLong(resourceVersion);
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("invalid resource version \"" + resourceVersion + "\"");
                }
                Change oldest = history.peekFirst();
                if (since < revision && (oldest == null || since < oldest.revision() - 1)) {
                    throw new ApiException(410, "Expired", "too old resource version: " + since + " (" + revision
                            + ")");
                }
                for (Change change : history) {
                    if (change.revision() > since && change.resource().equals(resource)) {
                        watch.deliver(change);
                    }
                }
            }
            watches.add(watch);
            return watch;
        }
    }

    void unregister(Watch watch) {
        watches.remove(watch);
    }

    private ObjectNode commit(EventType type, ApiResource resource, String key, ObjectNode object, ObjectNode previous) {
        revision++;
        object.with("metadata").put("resourceVersion", Long.toString(revision));
        table(resource).put(key, object);
        index(resource, key, previous, object);
        publish(new Change(type, resource, object, previous, revision));
        collectIfOwnersAreGone(resource, object);
        return object;
    }

    /**
     * As the garbage collector deletes a dependent whose owners no longer exist: a controller that read its
     * owner before the owner was deleted (a ReplicaSet for a Deployment just deleted, a pod for that ReplicaSet)
     * would otherwise leave it behind for good, since the owner's deletion collected only what it owned then.
     */
    private void collectIfOwnersAreGone(ApiResource resource, ObjectNode object) {
        List<String> owners = ownerUids(object);
        if (!owners.isEmpty() && owners.stream().noneMatch(uids::contains)) {
            collect(resource, object);
        }
    }

    private void commitDeletion(ApiResource resource, ObjectNode gone, ObjectNode previous) {
        revision++;
        gone.with("metadata").put("resourceVersion", Long.toString(revision));
        publish(new Change(EventType.DELETED, resource, gone, previous, revision));
    }

    private void publish(Change change) {
        history.addLast(change);
        if (history.size() > HISTORY) {
            history.removeFirst();
        }
        for (Watch watch : watches) {
            if (watch.resource().equals(change.resource())) {
                watch.deliver(change);
            }
        }
        for (Consumer<Change> listener : listeners) {
            listener.accept(change);
        }
    }

    private static ApiException badName(ApiResource resource, String name, ObjectNode body) {
        return badRequest("the name of the object (" + body.path("metadata").path("name").asText() + ") does not match"
                + " the name on the URL (" + name + ")");
    }

    private static ApiException badRequest(String message) {
        return ApiException.badRequest(message);
    }

    private TreeMap<String, ObjectNode> table(ApiResource resource) {
        return objects.computeIfAbsent(resource, r -> new TreeMap<>());
    }

    private static String key(ApiResource resource, String namespace, String name) {
        return resource.namespaced() ? (namespace == null ? "" : namespace) + "/" + name : name;
    }

    /** Five random characters, as {@code generateName} and controllers' pod names end. */
    public static String suffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(NAME_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(NAME_ALPHABET.length())));
        }
        return suffix.toString();
    }

    public static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
