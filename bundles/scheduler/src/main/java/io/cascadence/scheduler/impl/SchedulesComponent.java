package io.cascadence.scheduler.impl;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunHistory;
import io.cascadence.api.RunQuery;
import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRequest;
import io.cascadence.api.Scheduler;
import io.cascadence.api.Task;
import io.cascadence.api.TaskProperties;
import io.cascadence.api.Trigger;
import io.cascadence.api.UnknownTaskException;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.event.EventBus;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.api.schedule.Schedule;
import io.cascadence.api.schedule.ScheduleInfo;
import io.cascadence.api.schedule.Schedules;
import io.cascadence.api.schedule.SchedulingUnsupportedException;
import io.cascadence.scheduler.impl.book.ScheduleBook;
import io.cascadence.scheduler.impl.book.ScheduleFile;
import io.cascadence.scheduler.impl.cron.CronEngine;
import io.cascadence.scheduler.impl.cron.EngineSettings;
import io.cascadence.scheduler.impl.cron.ExecutorTimer;
import io.cascadence.scheduler.impl.cron.WatermarkFile;
import io.cascadence.scheduler.impl.fire.CronFires;

/**
 * The {@link Schedules} service and the cron engine that fires them, shared by the {@code cron}, {@code dag} and
 * {@code temporal} backends: schedules live in {@code schedules.yml} whatever the backend, so switching backends
 * loses none. While the configured backend is one whose schedules this engine fires ({@link #FIRING_BACKENDS}),
 * each fire is submitted to the {@link Scheduler} facade with trigger {@code cron} and its due time (under
 * {@code temporal} the backend makes each fire one workflow, however many installations fire it); under another
 * backend schedules are kept and their missed fires are handled by their misfire policy once a firing backend is
 * configured again.
 *
 * <p>Task services are followed as a whiteboard: a task's presence arms its schedule (from the file, else from its
 * {@code cascadence.task.schedule} property), and its departure disarms it; the file keeps it.
 */
@Component(service = {Schedules.class, HealthContributor.class}, configurationPid = SchedulerConfiguration.PID)
@Designate(ocd = SchedulerConfiguration.class)
public class SchedulesComponent implements Schedules, HealthContributor {

    /** Framework property: {@code false} in the private container of a {@code bin/task} command. */
    static final String FIRES_SCHEDULES = "cascadence.schedules.fire";

    /** The backends whose schedules this container's engine fires. */
    static final Set<String> FIRING_BACKENDS = Set.of("cron", "dag", "temporal");

    private static final Logger LOG = LoggerFactory.getLogger(SchedulesComponent.class);
    private static final int SUBMIT_THREADS = 8;

    private final Clock clock = Clock.systemUTC();
    private final TaskServices<TaskServices.Key> services = new TaskServices<>();
    private final Scheduler scheduler;
    private final RunHistory history;
    private final AtomicReference<Instant> handedUpTo = new AtomicReference<>();
    private final AtomicReference<String> watermarkProblem = new AtomicReference<>();
    private final Map<String, Schedule> armed = new HashMap<>();
    /** Tasks armed at least once since start: only a first arming catches up missed fires. */
    private final Set<String> armedSinceStart = new HashSet<>();
    /** Tasks being given a schedule by a user right now: a new schedule has nothing to catch up. */
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Path schedulesFile;
    private final ScheduleBook book;
    private final WatermarkFile watermark;
    private final ExecutorTimer timer;
    private final ExecutorService fireThread;
    private final ExecutorService submitters;
    private final ScheduledExecutorService housekeeping;
    private final CronFires fires;
    private final CronEngine engine;
    private final boolean firing;
    private volatile ZoneId zone;
    /** What the engine was last told, to notice a switch of backend; {@link #firing()} is the truth. */
    private volatile boolean engineActive;

    @Activate
    public SchedulesComponent(@Reference CascadenceConfig config, @Reference Scheduler scheduler,
            @Reference EventBus events, @Reference RunHistory history, SchedulerConfiguration configuration,
            BundleContext context) {
        this.scheduler = scheduler;
        // The private container of a bin/task command answers one command: it keeps and lists schedules but must not
        // fire them, nor catch up what the real container missed.
        this.firing = !"false".equals(context.getProperty(FIRES_SCHEDULES));
        this.history = history;
        this.zone = Zones.of(configuration.timezone());
        Path file = config.schedulesPath();
        this.schedulesFile = file;
        this.book = new ScheduleBook(new ScheduleFile(file, config::hashSecret));
        this.watermark = new WatermarkFile(file.resolveSibling("schedules.state"));
        this.timer = new ExecutorTimer(clock, "cascadence-cron-timer");
        this.fireThread = Executors.newSingleThreadExecutor(daemon("cascadence-cron-fire"));
        this.submitters = Executors.newFixedThreadPool(SUBMIT_THREADS, daemon("cascadence-cron-submit"));
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(daemon("cascadence-cron-housekeeping"));
        this.fires = new CronFires(this::submit, submitters, events::publish, clock);
        this.engine = new CronEngine(clock, timer, fireThread, fires, EngineSettings.DEFAULTS, handedUpTo::set);
        start();
    }

    private void start() {
        book.load(); // the schedule file logs each problem it finds
        book.addListener(this::changed);
        services.current().forEach((name, properties) -> book.serviceAdded(name, properties, describe(properties)));
        engine.setSchedulerZone(zone);
        engineActive = firing();
        engine.setActive(engineActive);
        book.scheduledTasks().forEach(this::changed);
        Instant lastChecked = null;
        try {
            lastChecked = watermark.read().orElse(null);
        } catch (CascadenceException e) {
            LOG.warn("{}; missed cron fires are not caught up", e.getMessage());
            watermarkProblem.set(e.getMessage());
        }
        if (!firing) {
            LOG.info("Cron scheduler: schedules are listed but not fired by this command's private container");
            return;
        }
        engine.start(lastChecked, this::lastDueOf);
        housekeeping.scheduleWithFixedDelay(this::housekeep, 1, 1, TimeUnit.SECONDS);
        LOG.info("Cron scheduler: time zone {}, {} schedule(s) in {}{}, {}", zone, book.scheduledTasks().size(),
                schedulesFile, book.problems().isEmpty() ? "" : " (with problems)",
                engineActive ? "firing" : "not firing under backend '" + scheduler.backend() + "'");
    }

    /** A new time zone applies at once to the schedules without a zone of their own. */
    @Modified
    void modified(SchedulerConfiguration configuration) {
        ZoneId next = Zones.of(configuration.timezone());
        if (!next.equals(zone)) {
            zone = next;
            engine.setSchedulerZone(next);
            LOG.info("Cron scheduler: time zone {} from now on", next);
        }
    }

    @Deactivate
    void deactivate() {
        engine.stop();
        housekeeping.shutdownNow();
        timer.close();
        fireThread.shutdown();
        submitters.shutdown();
        try {
            submitters.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushWatermark();
    }

    @Reference(service = Task.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindTask(Map<String, Object> properties) {
        String name = taskName(properties);
        if (name != null) {
            Map<String, Object> effective = services.add(name, TaskServices.Key.of(properties), Map.copyOf(properties));
            book.serviceAdded(name, effective, describe(effective));
        }
    }

    void updatedTask(Map<String, Object> properties) {
        bindTask(properties);
    }

    void unbindTask(Map<String, Object> properties) {
        String name = taskName(properties);
        if (name == null) {
            return;
        }
        Optional<Map<String, Object>> left = services.remove(name, TaskServices.Key.of(properties));
        if (left.isPresent()) {
            book.serviceAdded(name, left.get(), describe(left.get()));
        } else {
            book.serviceRemoved(name);
        }
    }

    @Override
    public ScheduleInfo schedule(Schedule schedule) {
        if (!book.present(schedule.taskName())) {
            throw new UnknownTaskException(schedule.taskName());
        }
        if (!firing()) {
            throw new SchedulingUnsupportedException(scheduler.backend());
        }
        created.add(schedule.taskName());
        try {
            book.set(schedule);
        } finally {
            created.remove(schedule.taskName());
        }
        return info(schedule.taskName()).orElseThrow();
    }

    @Override
    public void unschedule(String taskName) {
        book.remove(taskName);
    }

    @Override
    public List<ScheduleInfo> schedules() {
        List<ScheduleInfo> all = new ArrayList<>();
        book.scheduledTasks().stream().sorted().forEach(task -> info(task).ifPresent(all::add));
        return all;
    }

    @Override
    public Optional<ScheduleInfo> schedule(String taskName) {
        return info(taskName);
    }

    @Override
    public void setDependencies(String taskName, List<String> prerequisites) {
        book.setDependencies(taskName, prerequisites);
    }

    @Override
    public boolean firing() {
        return FIRING_BACKENDS.contains(scheduler.backend());
    }

    @Override
    public Map<String, List<String>> dependencies() {
        return book.dependencies();
    }

    @Override
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>(book.problems());
        int kept = book.scheduledTasks().size();
        if (!firing() && kept > 0) {
            warnings.add("schedules: " + kept + " schedule" + (kept == 1 ? " is" : "s are") + " kept but not "
                    + "fired: backend '" + scheduler.backend() + "' does not run schedules (cron and dag do)");
        }
        String problem = watermarkProblem.get();
        if (problem != null) {
            warnings.add("schedules: " + problem);
        }
        return warnings;
    }

    private Optional<ScheduleInfo> info(String task) {
        // The backend as configured now, not the engine's flag, which follows it within a second.
        boolean active = firing();
        return book.effective(task).map(schedule -> {
            String state = !book.present(task) ? ScheduleInfo.WAITING_FOR_TASK
                    : active ? ScheduleInfo.ACTIVE : ScheduleInfo.NOT_RUN_BY_BACKEND;
            Instant next = ScheduleInfo.ACTIVE.equals(state) ? engine.nextFire(task).orElse(null) : null;
            return new ScheduleInfo(schedule, book.source(task), state, schedule.effectiveZone(zone), next);
        });
    }

    /** Arms or disarms the task's schedule after a change of the file, of its service or of its presence. */
    private void changed(String task) {
        Optional<Schedule> effective = book.present(task) ? book.effective(task) : Optional.empty();
        synchronized (armed) {
            if (effective.isPresent()) {
                if (!effective.get().equals(armed.get(task))) {
                    armed.put(task, effective.get());
                    boolean restore = armedSinceStart.add(task) && !created.contains(task);
                    engine.put(effective.get(), restore);
                    if (!restore) {
                        // A schedule made now must not catch up, after a crash, fires from before it existed.
                        engine.tick();
                    }
                }
            } else if (armed.remove(task) != null) {
                engine.remove(task);
            }
        }
    }

    private void housekeep() {
        try {
            boolean local = firing();
            if (local != engineActive) {
                engineActive = local;
                engine.setActive(local);
                LOG.info("Cron schedules {} under backend '{}'", local ? "fire again" : "no longer fire",
                        scheduler.backend());
            }
            flushWatermark();
        } catch (RuntimeException e) {
            LOG.warn("Cron housekeeping failed", e);
        }
    }

    private void flushWatermark() {
        Instant handed = handedUpTo.get();
        if (handed == null) {
            return;
        }
        watermark.advance(fires.safeWatermark(handed));
        try {
            watermark.flush();
            watermarkProblem.set(null);
        } catch (CascadenceException e) {
            if (watermarkProblem.getAndSet(e.getMessage()) == null) {
                LOG.warn("{}", e.getMessage());
            }
        }
    }

    /**
     * Submits a fire's run, unless the backend was switched to one that does not run schedules within the last
     * second, before the engine heard of it: that fire is reported skipped rather than run by the wrong backend.
     */
    private RunHandle submit(RunRequest request) {
        if (!firing()) {
            throw new SchedulingUnsupportedException(scheduler.backend());
        }
        return scheduler.submit(request);
    }

    /** When the newest cron run of the task recorded in the history was due, so a catch-up never repeats it. */
    private Optional<Instant> lastDueOf(String task) {
        try {
            List<RunRecord> newest = history.query(new RunQuery(task, Set.of(), Trigger.CRON.name(), null, null, 0,
                    1));
            return newest.stream().map(RunRecord::dueAt).filter(due -> due != null).findFirst();
        } catch (CascadenceException e) {
            LOG.warn("The run history cannot tell when '{}' last fired ({}); its missed fires are caught up anyway",
                    task, e.getMessage());
            return Optional.empty();
        }
    }

    private static String taskName(Map<String, Object> properties) {
        Object name = properties.get(TaskProperties.TASK_NAME);
        return name instanceof String text && !text.isBlank() ? text.strip() : null;
    }

    private static String describe(Map<String, Object> properties) {
        return "#" + properties.get("service.id") + " (task '" + taskName(properties) + "')";
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, count.getAndIncrement() == 0 ? name : name + "-" + count.get());
            thread.setDaemon(true);
            return thread;
        };
    }
}
