package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateRunning;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.LoadBalancerStatus;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimList;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceList;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetCondition;
import io.fabric8.kubernetes.api.model.apps.DaemonSetList;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSetList;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobList;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * Kubernetes lists ({@code health}'s one-shot reads, the window's informers' lists), parsed token by token
 * into the model objects the health rules judge, with the same parts of them as {@link SlimReads} keeps.
 * Jackson's data binding introspects every model class (its fields, methods, annotations and their dynamic
 * proxies) before it reads the first byte: a fifth of a second of processor on the critical path of
 * {@code health}, where the objects themselves take milliseconds to read. Each shape below names the fields
 * it reads and how each is set; everything else is skipped unread.
 *
 * <p>{@code SlimJsonTest} requires every shape to read what {@code SlimReads} reads, from objects with every
 * field of the model filled in, and {@code SlimReadsTest} the practice clusters' lists to be judged the same.
 */
final class SlimJson {

    private static final JsonFactory JSON = new JsonFactory();

    private SlimJson() {
    }

    /** The object in {@code json} (a Kubernetes list, for the shapes below), read as {@code shape} says. */
    static <T> T read(InputStream json, Shape<T> shape) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            return read(parser, shape);
        }
    }

    static <T> T read(String json, Shape<T> shape) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            return read(parser, shape);
        }
    }

    private static <T> T read(JsonParser parser, Shape<T> shape) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new StreamReadException(parser, "expected a Kubernetes list (a JSON object)");
        }
        return shape.read(parser);
    }

    /** The list shapes below, by the model's list class: what an informer's list is read as. */
    static Map<Class<?>, Shape<?>> lists() {
        return LISTS;
    }

    /** How one field is read from the parser (positioned at its value) into the object being built. */
    @FunctionalInterface
    private interface Field<T> {
        void read(JsonParser parser, T into);
    }

    /** The fields of one model class that are read, each with its setter; the others are skipped. */
    static final class Shape<T> {

        private final Supplier<T> create;
        private final Map<String, Field<T>> fields = new HashMap<>();

        private Shape(Supplier<T> create) {
            this.create = create;
        }

        static <T> Shape<T> of(Supplier<T> create) {
            return new Shape<>(create);
        }

        Shape<T> text(String name, BiConsumer<T, String> set) {
            return field(name, (parser, into) -> set.accept(into, textValue(parser)));
        }

        Shape<T> whole(String name, BiConsumer<T, Integer> set) {
            return field(name, (parser, into) -> set.accept(into, wholeValue(parser)));
        }

        Shape<T> whole64(String name, BiConsumer<T, Long> set) {
            return field(name, (parser, into) -> set.accept(into, whole64Value(parser)));
        }

        Shape<T> flag(String name, BiConsumer<T, Boolean> set) {
            return field(name, (parser, into) -> set.accept(into, flagValue(parser)));
        }

        Shape<T> texts(String name, BiConsumer<T, List<String>> set) {
            return field(name, (parser, into) -> set.accept(into, textsValue(parser)));
        }

        Shape<T> labels(String name, BiConsumer<T, Map<String, String>> set) {
            return field(name, (parser, into) -> set.accept(into, labelsValue(parser)));
        }

        <V> Shape<T> object(String name, Shape<V> shape, BiConsumer<T, V> set) {
            return field(name, (parser, into) -> set.accept(into, shape.read(parser)));
        }

        <V> Shape<T> list(String name, Shape<V> shape, BiConsumer<T, List<V>> set) {
            return field(name, (parser, into) -> set.accept(into, listValue(parser, shape)));
        }

        private Shape<T> field(String name, Field<T> field) {
            fields.put(name, field);
            return this;
        }

        /** The object at the parser's current token (its START_OBJECT), or null for a JSON null. */
        T read(JsonParser parser) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw unexpected(parser, "an object");
            }
            T object = create.get();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                Field<T> field = fields.get(parser.currentName());
                parser.nextToken();
                if (field == null) {
                    parser.skipChildren();
                } else {
                    field.read(parser, object);
                }
            }
            return object;
        }
    }

    private static String textValue(JsonParser parser) {
        return switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> parser.getString();
            default -> throw unexpected(parser, "text");
        };
    }

    private static Integer wholeValue(JsonParser parser) {
        return switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> parser.getIntValue();
            default -> throw unexpected(parser, "a whole number");
        };
    }

    private static Long whole64Value(JsonParser parser) {
        return switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> parser.getLongValue();
            default -> throw unexpected(parser, "a whole number");
        };
    }

    private static Boolean flagValue(JsonParser parser) {
        return switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> throw unexpected(parser, "true or false");
        };
    }

    private static List<String> textsValue(JsonParser parser) {
        return listValue(parser, null);
    }

    /** A list of objects of {@code shape}, or of text when {@code shape} is null. */
    @SuppressWarnings("unchecked")
    private static <V> List<V> listValue(JsonParser parser, Shape<V> shape) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw unexpected(parser, "a list");
        }
        List<V> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(shape == null ? (V) textValue(parser) : shape.read(parser));
        }
        return values;
    }

    private static Map<String, String> labelsValue(JsonParser parser) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw unexpected(parser, "a map of text");
        }
        Map<String, String> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            values.put(name, textValue(parser));
        }
        return values;
    }

    /** Not what a Kubernetes API server sends: described as an answer that is not a Kubernetes list. */
    private static StreamReadException unexpected(JsonParser parser, String expected) {
        return new StreamReadException(parser, parser.streamReadContext().pathAsPointer() + ": expected " + expected
                + ", found " + parser.currentToken());
    }

    // The shapes: what SlimReads keeps of each class, leaves first.

    private static final Shape<OwnerReference> OWNER = Shape.of(OwnerReference::new)
            .text("apiVersion", OwnerReference::setApiVersion)
            .flag("blockOwnerDeletion", OwnerReference::setBlockOwnerDeletion)
            .flag("controller", OwnerReference::setController)
            .text("kind", OwnerReference::setKind)
            .text("name", OwnerReference::setName)
            .text("uid", OwnerReference::setUid);

    /** Everything but the annotations and the managed fields. */
    private static final Shape<ObjectMeta> META = Shape.of(ObjectMeta::new)
            .text("creationTimestamp", ObjectMeta::setCreationTimestamp)
            .whole64("deletionGracePeriodSeconds", ObjectMeta::setDeletionGracePeriodSeconds)
            .text("deletionTimestamp", ObjectMeta::setDeletionTimestamp)
            .texts("finalizers", ObjectMeta::setFinalizers)
            .text("generateName", ObjectMeta::setGenerateName)
            .whole64("generation", ObjectMeta::setGeneration)
            .labels("labels", ObjectMeta::setLabels)
            .text("name", ObjectMeta::setName)
            .text("namespace", ObjectMeta::setNamespace)
            .list("ownerReferences", OWNER, ObjectMeta::setOwnerReferences)
            .text("resourceVersion", ObjectMeta::setResourceVersion)
            .text("selfLink", ObjectMeta::setSelfLink)
            .text("uid", ObjectMeta::setUid);

    private static final Shape<ObjectReference> REFERENCE = Shape.of(ObjectReference::new)
            .text("apiVersion", ObjectReference::setApiVersion)
            .text("fieldPath", ObjectReference::setFieldPath)
            .text("kind", ObjectReference::setKind)
            .text("name", ObjectReference::setName)
            .text("namespace", ObjectReference::setNamespace)
            .text("resourceVersion", ObjectReference::setResourceVersion)
            .text("uid", ObjectReference::setUid);

    /** A workload's template: its containers' names and images. */
    private static final Shape<PodTemplateSpec> TEMPLATE = Shape.of(PodTemplateSpec::new)
            .object("metadata", META, PodTemplateSpec::setMetadata)
            .object("spec", Shape.of(PodSpec::new)
                    .list("containers", Shape.of(Container::new)
                            .text("name", Container::setName)
                            .text("image", Container::setImage), PodSpec::setContainers), PodTemplateSpec::setSpec);

    private static final Shape<ContainerState> CONTAINER_STATE = Shape.of(ContainerState::new)
            .object("running", Shape.of(ContainerStateRunning::new)
                    .text("startedAt", ContainerStateRunning::setStartedAt), ContainerState::setRunning)
            .object("terminated", Shape.of(ContainerStateTerminated::new)
                    .text("containerID", ContainerStateTerminated::setContainerID)
                    .whole("exitCode", ContainerStateTerminated::setExitCode)
                    .text("finishedAt", ContainerStateTerminated::setFinishedAt)
                    .text("message", ContainerStateTerminated::setMessage)
                    .text("reason", ContainerStateTerminated::setReason)
                    .whole("signal", ContainerStateTerminated::setSignal)
                    .text("startedAt", ContainerStateTerminated::setStartedAt), ContainerState::setTerminated)
            .object("waiting", Shape.of(ContainerStateWaiting::new)
                    .text("message", ContainerStateWaiting::setMessage)
                    .text("reason", ContainerStateWaiting::setReason), ContainerState::setWaiting);

    private static final Shape<ContainerStatus> CONTAINER_STATUS = Shape.of(ContainerStatus::new)
            .text("containerID", ContainerStatus::setContainerID)
            .text("image", ContainerStatus::setImage)
            .text("imageID", ContainerStatus::setImageID)
            .object("lastState", CONTAINER_STATE, ContainerStatus::setLastState)
            .text("name", ContainerStatus::setName)
            .flag("ready", ContainerStatus::setReady)
            .whole("restartCount", ContainerStatus::setRestartCount)
            .flag("started", ContainerStatus::setStarted)
            .object("state", CONTAINER_STATE, ContainerStatus::setState)
            .text("stopSignal", ContainerStatus::setStopSignal);

    private static final Shape<Pod> POD = Shape.of(Pod::new)
            .text("apiVersion", Pod::setApiVersion)
            .text("kind", Pod::setKind)
            .object("metadata", META, Pod::setMetadata)
            .object("status", Shape.of(PodStatus::new)
                    .text("phase", PodStatus::setPhase)
                    .list("containerStatuses", CONTAINER_STATUS, PodStatus::setContainerStatuses)
                    .list("initContainerStatuses", CONTAINER_STATUS, PodStatus::setInitContainerStatuses),
                    Pod::setStatus);

    private static final Shape<Deployment> DEPLOYMENT = Shape.of(Deployment::new)
            .text("apiVersion", Deployment::setApiVersion)
            .text("kind", Deployment::setKind)
            .object("metadata", META, Deployment::setMetadata)
            .object("spec", Shape.of(DeploymentSpec::new)
                    .whole("replicas", DeploymentSpec::setReplicas)
                    .object("template", TEMPLATE, DeploymentSpec::setTemplate), Deployment::setSpec)
            .object("status", Shape.of(DeploymentStatus::new)
                    .whole("availableReplicas", DeploymentStatus::setAvailableReplicas)
                    .whole("collisionCount", DeploymentStatus::setCollisionCount)
                    .list("conditions", Shape.of(DeploymentCondition::new)
                            .text("lastTransitionTime", DeploymentCondition::setLastTransitionTime)
                            .text("lastUpdateTime", DeploymentCondition::setLastUpdateTime)
                            .text("message", DeploymentCondition::setMessage)
                            .text("reason", DeploymentCondition::setReason)
                            .text("status", DeploymentCondition::setStatus)
                            .text("type", DeploymentCondition::setType), DeploymentStatus::setConditions)
                    .whole64("observedGeneration", DeploymentStatus::setObservedGeneration)
                    .whole("readyReplicas", DeploymentStatus::setReadyReplicas)
                    .whole("replicas", DeploymentStatus::setReplicas)
                    .whole("terminatingReplicas", DeploymentStatus::setTerminatingReplicas)
                    .whole("unavailableReplicas", DeploymentStatus::setUnavailableReplicas)
                    .whole("updatedReplicas", DeploymentStatus::setUpdatedReplicas), Deployment::setStatus);

    private static final Shape<StatefulSet> STATEFUL_SET = Shape.of(StatefulSet::new)
            .text("apiVersion", StatefulSet::setApiVersion)
            .text("kind", StatefulSet::setKind)
            .object("metadata", META, StatefulSet::setMetadata)
            .object("spec", Shape.of(StatefulSetSpec::new)
                    .whole("replicas", StatefulSetSpec::setReplicas)
                    .object("template", TEMPLATE, StatefulSetSpec::setTemplate)
                    .object("updateStrategy", Shape.of(StatefulSetUpdateStrategy::new)
                            .text("type", StatefulSetUpdateStrategy::setType)
                            .object("rollingUpdate", Shape.of(RollingUpdateStatefulSetStrategy::new)
                                    .whole("partition", RollingUpdateStatefulSetStrategy::setPartition),
                                    StatefulSetUpdateStrategy::setRollingUpdate), StatefulSetSpec::setUpdateStrategy),
                    StatefulSet::setSpec)
            .object("status", Shape.of(StatefulSetStatus::new)
                    .whole("availableReplicas", StatefulSetStatus::setAvailableReplicas)
                    .whole("collisionCount", StatefulSetStatus::setCollisionCount)
                    .list("conditions", Shape.of(StatefulSetCondition::new)
                            .text("lastTransitionTime", StatefulSetCondition::setLastTransitionTime)
                            .text("message", StatefulSetCondition::setMessage)
                            .text("reason", StatefulSetCondition::setReason)
                            .text("status", StatefulSetCondition::setStatus)
                            .text("type", StatefulSetCondition::setType), StatefulSetStatus::setConditions)
                    .whole("currentReplicas", StatefulSetStatus::setCurrentReplicas)
                    .text("currentRevision", StatefulSetStatus::setCurrentRevision)
                    .whole64("observedGeneration", StatefulSetStatus::setObservedGeneration)
                    .whole("readyReplicas", StatefulSetStatus::setReadyReplicas)
                    .whole("replicas", StatefulSetStatus::setReplicas)
                    .text("updateRevision", StatefulSetStatus::setUpdateRevision)
                    .whole("updatedReplicas", StatefulSetStatus::setUpdatedReplicas), StatefulSet::setStatus);

    private static final Shape<DaemonSet> DAEMON_SET = Shape.of(DaemonSet::new)
            .text("apiVersion", DaemonSet::setApiVersion)
            .text("kind", DaemonSet::setKind)
            .object("metadata", META, DaemonSet::setMetadata)
            .object("spec", Shape.of(DaemonSetSpec::new)
                    .object("template", TEMPLATE, DaemonSetSpec::setTemplate)
                    .object("updateStrategy", Shape.of(DaemonSetUpdateStrategy::new)
                            .text("type", DaemonSetUpdateStrategy::setType), DaemonSetSpec::setUpdateStrategy),
                    DaemonSet::setSpec)
            .object("status", Shape.of(DaemonSetStatus::new)
                    .whole("collisionCount", DaemonSetStatus::setCollisionCount)
                    .list("conditions", Shape.of(DaemonSetCondition::new)
                            .text("lastTransitionTime", DaemonSetCondition::setLastTransitionTime)
                            .text("message", DaemonSetCondition::setMessage)
                            .text("reason", DaemonSetCondition::setReason)
                            .text("status", DaemonSetCondition::setStatus)
                            .text("type", DaemonSetCondition::setType), DaemonSetStatus::setConditions)
                    .whole("currentNumberScheduled", DaemonSetStatus::setCurrentNumberScheduled)
                    .whole("desiredNumberScheduled", DaemonSetStatus::setDesiredNumberScheduled)
                    .whole("numberAvailable", DaemonSetStatus::setNumberAvailable)
                    .whole("numberMisscheduled", DaemonSetStatus::setNumberMisscheduled)
                    .whole("numberReady", DaemonSetStatus::setNumberReady)
                    .whole("numberUnavailable", DaemonSetStatus::setNumberUnavailable)
                    .whole64("observedGeneration", DaemonSetStatus::setObservedGeneration)
                    .whole("updatedNumberScheduled", DaemonSetStatus::setUpdatedNumberScheduled),
                    DaemonSet::setStatus);

    private static final Shape<Node> NODE = Shape.of(Node::new)
            .text("apiVersion", Node::setApiVersion)
            .text("kind", Node::setKind)
            .object("metadata", META, Node::setMetadata)
            .object("spec", Shape.of(NodeSpec::new)
                    .flag("unschedulable", NodeSpec::setUnschedulable), Node::setSpec)
            .object("status", Shape.of(NodeStatus::new)
                    .list("conditions", Shape.of(NodeCondition::new)
                            .text("lastHeartbeatTime", NodeCondition::setLastHeartbeatTime)
                            .text("lastTransitionTime", NodeCondition::setLastTransitionTime)
                            .text("message", NodeCondition::setMessage)
                            .text("reason", NodeCondition::setReason)
                            .text("status", NodeCondition::setStatus)
                            .text("type", NodeCondition::setType), NodeStatus::setConditions)
                    .object("nodeInfo", Shape.of(NodeSystemInfo::new)
                            .text("kubeletVersion", NodeSystemInfo::setKubeletVersion), NodeStatus::setNodeInfo),
                    Node::setStatus);

    private static final Shape<PersistentVolumeClaim> CLAIM = Shape.of(PersistentVolumeClaim::new)
            .text("apiVersion", PersistentVolumeClaim::setApiVersion)
            .text("kind", PersistentVolumeClaim::setKind)
            .object("metadata", META, PersistentVolumeClaim::setMetadata)
            .object("status", Shape.of(PersistentVolumeClaimStatus::new)
                    .text("phase", PersistentVolumeClaimStatus::setPhase), PersistentVolumeClaim::setStatus);

    private static final Shape<Service> SERVICE = Shape.of(Service::new)
            .text("apiVersion", Service::setApiVersion)
            .text("kind", Service::setKind)
            .object("metadata", META, Service::setMetadata)
            .object("status", Shape.of(ServiceStatus::new)
                    .object("loadBalancer", Shape.of(LoadBalancerStatus::new)
                            .list("ingress", Shape.of(LoadBalancerIngress::new)
                                    .text("ip", LoadBalancerIngress::setIp)
                                    .text("hostname", LoadBalancerIngress::setHostname), LoadBalancerStatus::setIngress),
                            ServiceStatus::setLoadBalancer), Service::setStatus);

    /** An event's time to the microsecond is written as text; fabric8 wraps it. */
    private static final Field<Event> EVENT_TIME = (parser, event) -> {
        String time = textValue(parser);
        event.setEventTime(time == null ? null : new MicroTime(time));
    };

    private static final Shape<Event> EVENT = Shape.of(Event::new)
            .text("action", Event::setAction)
            .text("apiVersion", Event::setApiVersion)
            .whole("count", Event::setCount)
            .field("eventTime", EVENT_TIME)
            .text("firstTimestamp", Event::setFirstTimestamp)
            .object("involvedObject", REFERENCE, Event::setInvolvedObject)
            .text("kind", Event::setKind)
            .text("lastTimestamp", Event::setLastTimestamp)
            .text("message", Event::setMessage)
            .object("metadata", META, Event::setMetadata)
            .text("reason", Event::setReason)
            .text("reportingComponent", Event::setReportingComponent)
            .text("reportingInstance", Event::setReportingInstance)
            .text("type", Event::setType);

    private static final Shape<Job> JOB = Shape.of(Job::new)
            .text("apiVersion", Job::setApiVersion)
            .text("kind", Job::setKind)
            .object("metadata", META, Job::setMetadata)
            .object("status", Shape.of(JobStatus::new)
                    .whole("active", JobStatus::setActive)
                    .text("completedIndexes", JobStatus::setCompletedIndexes)
                    .text("completionTime", JobStatus::setCompletionTime)
                    .list("conditions", Shape.of(JobCondition::new)
                            .text("lastProbeTime", JobCondition::setLastProbeTime)
                            .text("lastTransitionTime", JobCondition::setLastTransitionTime)
                            .text("message", JobCondition::setMessage)
                            .text("reason", JobCondition::setReason)
                            .text("status", JobCondition::setStatus)
                            .text("type", JobCondition::setType), JobStatus::setConditions)
                    .whole("failed", JobStatus::setFailed)
                    .text("failedIndexes", JobStatus::setFailedIndexes)
                    .whole("ready", JobStatus::setReady)
                    .text("startTime", JobStatus::setStartTime)
                    .whole("succeeded", JobStatus::setSucceeded)
                    .whole("terminating", JobStatus::setTerminating), Job::setStatus);

    private static final Shape<CronJob> CRON_JOB = Shape.of(CronJob::new)
            .text("apiVersion", CronJob::setApiVersion)
            .text("kind", CronJob::setKind)
            .object("metadata", META, CronJob::setMetadata)
            .object("spec", Shape.of(CronJobSpec::new)
                    .text("concurrencyPolicy", CronJobSpec::setConcurrencyPolicy)
                    .whole("failedJobsHistoryLimit", CronJobSpec::setFailedJobsHistoryLimit)
                    .text("schedule", CronJobSpec::setSchedule)
                    .whole64("startingDeadlineSeconds", CronJobSpec::setStartingDeadlineSeconds)
                    .whole("successfulJobsHistoryLimit", CronJobSpec::setSuccessfulJobsHistoryLimit)
                    .flag("suspend", CronJobSpec::setSuspend)
                    .text("timeZone", CronJobSpec::setTimeZone), CronJob::setSpec)
            .object("status", Shape.of(CronJobStatus::new)
                    .list("active", REFERENCE, CronJobStatus::setActive)
                    .text("lastScheduleTime", CronJobStatus::setLastScheduleTime)
                    .text("lastSuccessfulTime", CronJobStatus::setLastSuccessfulTime), CronJob::setStatus);

    // The lists: their kind, version and metadata (an informer's resourceVersion and continue token) and items.

    private static final Shape<ListMeta> LIST_META = Shape.of(ListMeta::new)
            .text("continue", ListMeta::setContinue)
            .whole64("remainingItemCount", ListMeta::setRemainingItemCount)
            .text("resourceVersion", ListMeta::setResourceVersion)
            .text("selfLink", ListMeta::setSelfLink);

    static final Shape<PodList> PODS = Shape.of(PodList::new)
            .text("apiVersion", PodList::setApiVersion)
            .text("kind", PodList::setKind)
            .object("metadata", LIST_META, PodList::setMetadata)
            .list("items", POD, PodList::setItems);

    static final Shape<DeploymentList> DEPLOYMENTS = Shape.of(DeploymentList::new)
            .text("apiVersion", DeploymentList::setApiVersion)
            .text("kind", DeploymentList::setKind)
            .object("metadata", LIST_META, DeploymentList::setMetadata)
            .list("items", DEPLOYMENT, DeploymentList::setItems);

    static final Shape<StatefulSetList> STATEFUL_SETS = Shape.of(StatefulSetList::new)
            .text("apiVersion", StatefulSetList::setApiVersion)
            .text("kind", StatefulSetList::setKind)
            .object("metadata", LIST_META, StatefulSetList::setMetadata)
            .list("items", STATEFUL_SET, StatefulSetList::setItems);

    static final Shape<DaemonSetList> DAEMON_SETS = Shape.of(DaemonSetList::new)
            .text("apiVersion", DaemonSetList::setApiVersion)
            .text("kind", DaemonSetList::setKind)
            .object("metadata", LIST_META, DaemonSetList::setMetadata)
            .list("items", DAEMON_SET, DaemonSetList::setItems);

    static final Shape<NodeList> NODES = Shape.of(NodeList::new)
            .text("apiVersion", NodeList::setApiVersion)
            .text("kind", NodeList::setKind)
            .object("metadata", LIST_META, NodeList::setMetadata)
            .list("items", NODE, NodeList::setItems);

    static final Shape<PersistentVolumeClaimList> CLAIMS = Shape.of(PersistentVolumeClaimList::new)
            .text("apiVersion", PersistentVolumeClaimList::setApiVersion)
            .text("kind", PersistentVolumeClaimList::setKind)
            .object("metadata", LIST_META, PersistentVolumeClaimList::setMetadata)
            .list("items", CLAIM, PersistentVolumeClaimList::setItems);

    static final Shape<ServiceList> SERVICES = Shape.of(ServiceList::new)
            .text("apiVersion", ServiceList::setApiVersion)
            .text("kind", ServiceList::setKind)
            .object("metadata", LIST_META, ServiceList::setMetadata)
            .list("items", SERVICE, ServiceList::setItems);

    static final Shape<EventList> EVENTS = Shape.of(EventList::new)
            .text("apiVersion", EventList::setApiVersion)
            .text("kind", EventList::setKind)
            .object("metadata", LIST_META, EventList::setMetadata)
            .list("items", EVENT, EventList::setItems);

    static final Shape<JobList> JOBS = Shape.of(JobList::new)
            .text("apiVersion", JobList::setApiVersion)
            .text("kind", JobList::setKind)
            .object("metadata", LIST_META, JobList::setMetadata)
            .list("items", JOB, JobList::setItems);

    static final Shape<CronJobList> CRON_JOBS = Shape.of(CronJobList::new)
            .text("apiVersion", CronJobList::setApiVersion)
            .text("kind", CronJobList::setKind)
            .object("metadata", LIST_META, CronJobList::setMetadata)
            .list("items", CRON_JOB, CronJobList::setItems);

    private static final Map<Class<?>, Shape<?>> LISTS = Map.of(PodList.class, PODS, DeploymentList.class, DEPLOYMENTS,
            StatefulSetList.class, STATEFUL_SETS, DaemonSetList.class, DAEMON_SETS, NodeList.class, NODES,
            PersistentVolumeClaimList.class, CLAIMS, ServiceList.class, SERVICES, EventList.class, EVENTS,
            JobList.class, JOBS, CronJobList.class, CRON_JOBS);
}
