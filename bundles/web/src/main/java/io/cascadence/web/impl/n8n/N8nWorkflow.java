package io.cascadence.web.impl.n8n;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.cascadence.api.TaskInfo;
import io.cascadence.api.schedule.ScheduleInfo;

/**
 * Builds the n8n workflow of the registered tasks, as a JSON-ready map (n8n's workflow shape: {@code name},
 * {@code nodes}, {@code connections} keyed by node name, {@code settings}).
 *
 * <ul>
 * <li>Each task is an HTTP Request node named after it that calls {@code POST <base>/tasks/<name>/run}. A disabled
 * task's node is exported disabled (n8n then passes its input on without calling it), with a note saying why.</li>
 * <li>A task with prerequisites (the task graph of the {@code dag} backend) is connected after them; with several, a
 * Merge node ({@code chooseBranch}, wait for all) joins them first, so that it is called once. Prerequisites that
 * are not registered, and declarations that would close a cycle, are left out and named in the node's note.</li>
 * <li>Each scheduled task gets a Schedule Trigger with its cron expression, connected to its own node. n8n reads
 * cron in the workflow's time zone (the scheduler's {@code timezone}); a schedule whose own zone keeps another clock
 * is exported disabled, with a note, rather than firing at other times than in Cascadence.</li>
 * <li>One Manual Trigger, the first node, starts every task without prerequisites, so that running the workflow
 * by hand runs every task in dependency order; it is the only trigger of the tasks that have no schedule.</li>
 * </ul>
 * Node names are unique whatever the task names ({@link NodeNames}); node ids are UUIDs derived from the names, so
 * exporting the same tasks again gives the same file.
 */
public final class N8nWorkflow {

    /** The workflow's name, the original's. */
    public static final String NAME = "Cascadence Export";

    private static final int COLUMN = 280;
    private static final int ROW = 160;

    private final String base;
    private final ZoneId zone;
    private final Instant now;
    private final NodeNames names = new NodeNames();
    private final List<Map<String, Object>> nodes = new ArrayList<>();
    private final Map<String, Map<String, Object>> connections = new LinkedHashMap<>();
    private final Map<Integer, Integer> rows = new HashMap<>();

    private N8nWorkflow(String base, ZoneId zone, Instant now) {
        this.base = base;
        this.zone = zone;
        this.now = now;
    }

    /**
     * @param base the base URL of the run route, checked ({@link BaseUrl}), without a trailing slash
     * @param tasks the registered tasks; webhook tasks are left out, as only a delivery gives them their input
     * @param schedules every schedule; those of tasks that are not registered are left out
     * @param dependencies each task's declared prerequisites
     * @param zone the workflow's time zone: the scheduler's {@code timezone}
     * @param now when the export is made, for comparing time zones from then on
     */
    public static Map<String, Object> build(String base, List<TaskInfo> tasks, List<ScheduleInfo> schedules,
            Map<String, List<String>> dependencies, ZoneId zone, Instant now) {
        return new N8nWorkflow(base, zone, now).workflow(tasks, schedules, dependencies);
    }

    private Map<String, Object> workflow(List<TaskInfo> tasks, List<ScheduleInfo> schedules,
            Map<String, List<String>> dependencies) {
        Map<String, TaskInfo> byName = new TreeMap<>();
        // A webhook task runs on a delivery, whose payload is its input: called by hand it has nothing to read.
        tasks.stream().filter(task -> task.webhookSources().isEmpty()).forEach(task -> byName.put(task.name(), task));
        TaskGraph graph = TaskGraph.of(byName.keySet(), dependencies);
        Map<String, ScheduleInfo> scheduled = new TreeMap<>();
        schedules.stream().filter(s -> byName.containsKey(s.schedule().taskName()))
                .forEach(s -> scheduled.put(s.schedule().taskName(), s));

        // Tasks claim their names first, so that a task's node is named exactly after it whenever that is valid.
        Map<String, String> taskNodes = new LinkedHashMap<>();
        byName.keySet().forEach(name -> taskNodes.put(name, names.claim(name)));
        for (TaskInfo task : byName.values()) {
            int column = 2 * graph.depth(task.name()) + 1;
            nodes.add(httpNode(taskNodes.get(task.name()), task, graph.notes(task.name()), column));
        }
        int triggers = 0;
        for (ScheduleInfo schedule : scheduled.values()) {
            String task = schedule.schedule().taskName();
            String trigger = names.claim("Schedule " + task);
            // Triggers before the tasks, in the file as on the canvas.
            nodes.add(triggers++, scheduleTrigger(trigger, schedule, 2 * graph.depth(task)));
            connect(trigger, taskNodes.get(task), 0);
        }
        List<String> roots = byName.keySet().stream().filter(name -> graph.prerequisites(name).isEmpty()).toList();
        if (!roots.isEmpty()) {
            String trigger = names.claim("Run manually");
            // First of all nodes: n8n starts a workflow run by hand (n8n execute) at its first trigger node.
            nodes.add(0, node(trigger, N8nNodes.MANUAL_TRIGGER, N8nNodes.MANUAL_TRIGGER_VERSION,
                    new LinkedHashMap<>(), 0));
            roots.forEach(task -> connect(trigger, taskNodes.get(task), 0));
        }
        for (String task : byName.keySet()) {
            joinPrerequisites(task, graph, taskNodes);
        }

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("executionOrder", "v1");
        settings.put("timezone", zone.getId());
        Map<String, Object> workflow = new LinkedHashMap<>();
        workflow.put("name", NAME);
        workflow.put("nodes", nodes);
        workflow.put("connections", connections);
        workflow.put("active", false);
        workflow.put("settings", settings);
        workflow.put("pinData", new LinkedHashMap<>());
        return workflow;
    }

    /** Connects a task's prerequisites to it: straight for one, through Merge nodes of up to ten inputs for more. */
    private void joinPrerequisites(String task, TaskGraph graph, Map<String, String> taskNodes) {
        List<String> sources = graph.prerequisites(task).stream().map(taskNodes::get).toList();
        String target = taskNodes.get(task);
        int column = 2 * graph.depth(task);
        while (sources.size() > 1) {
            // Each merge takes up to ten inputs; the first input of a later one is the merge before it.
            int count = Math.min(sources.size(), N8nNodes.MERGE_MAX_INPUTS);
            String merge = names.claim("Before " + task);
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("mode", "chooseBranch");
            parameters.put("numberInputs", count);
            parameters.put("chooseBranchMode", "waitForAll");
            parameters.put("output", "empty");
            nodes.add(node(merge, N8nNodes.MERGE, N8nNodes.MERGE_VERSION, parameters, column));
            for (int i = 0; i < count; i++) {
                connect(sources.get(i), merge, i);
            }
            List<String> rest = new ArrayList<>();
            rest.add(merge);
            rest.addAll(sources.subList(count, sources.size()));
            sources = rest;
        }
        if (!sources.isEmpty()) {
            connect(sources.get(0), target, 0);
        }
    }

    private Map<String, Object> httpNode(String name, TaskInfo task, List<String> notes, int column) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("method", "POST");
        parameters.put("url", base + "/tasks/" + URLEncoder.encode(task.name(), StandardCharsets.UTF_8)
                .replace("+", "%20") + "/run");
        parameters.put("options", new LinkedHashMap<>());
        Map<String, Object> node = node(name, N8nNodes.HTTP_REQUEST, N8nNodes.HTTP_REQUEST_VERSION, parameters,
                column);
        List<String> all = new ArrayList<>();
        if (task.disabled()) {
            node.put("disabled", true);
            all.add("Task '" + task.name() + "' is disabled in Cascadence, which refuses its runs until it is "
                    + "enabled (task enable " + task.name() + "); enable this node then.");
        }
        all.addAll(notes);
        note(node, all);
        return node;
    }

    private Map<String, Object> scheduleTrigger(String name, ScheduleInfo schedule, int column) {
        String expression = N8nCron.fields(schedule.schedule().expression());
        Map<String, Object> interval = new LinkedHashMap<>();
        interval.put("field", "cronExpression");
        interval.put("expression", expression);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("rule", Map.of("interval", List.of(interval)));
        Map<String, Object> node = node(name, N8nNodes.SCHEDULE_TRIGGER, N8nNodes.SCHEDULE_TRIGGER_VERSION,
                parameters, column);
        ZoneId own = schedule.zone() == null ? zone : schedule.zone();
        if (!N8nCron.sameClock(own, zone, now)) {
            node.put("disabled", true);
            note(node, List.of("In Cascadence '" + schedule.schedule().taskName() + "' fires at '"
                    + schedule.schedule().expression().text() + "' in " + own.getId() + ", but n8n reads cron in the "
                    + "workflow's time zone (" + zone.getId() + "), which keeps another clock: rewrite the "
                    + "expression for " + zone.getId() + " (or change the workflow's time zone) and enable this "
                    + "node."));
        }
        return node;
    }

    private Map<String, Object> node(String name, String type, double version, Map<String, Object> parameters,
            int column) {
        int row = rows.merge(column, 1, Integer::sum) - 1;
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", UUID.nameUUIDFromBytes(("cascadence-n8n-node:" + name).getBytes(StandardCharsets.UTF_8))
                .toString());
        node.put("name", name);
        node.put("type", type);
        node.put("typeVersion", version == Math.rint(version) ? (Object) (int) version : (Object) version);
        node.put("position", List.of(column * COLUMN, row * ROW));
        node.put("parameters", parameters);
        return node;
    }

    private static void note(Map<String, Object> node, List<String> notes) {
        if (!notes.isEmpty()) {
            node.put("notes", String.join("\n", notes));
            node.put("notesInFlow", true);
        }
    }

    @SuppressWarnings("unchecked")
    private void connect(String from, String to, int input) {
        Map<String, Object> outputs = connections.computeIfAbsent(from, f -> new LinkedHashMap<>());
        List<List<Map<String, Object>>> main = (List<List<Map<String, Object>>>) outputs.computeIfAbsent("main",
                m -> new ArrayList<>(List.of(new ArrayList<>())));
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("node", to);
        link.put("type", "main");
        link.put("index", input);
        main.get(0).add(link);
    }
}
