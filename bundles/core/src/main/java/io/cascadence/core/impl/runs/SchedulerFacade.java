package io.cascadence.core.impl.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.cascadence.api.BackendUnavailableException;
import io.cascadence.api.CascadenceException;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.RunResult;
import io.cascadence.api.Scheduler;
import io.cascadence.api.spi.SchedulerBackend;

/**
 * The one {@link Scheduler} the surfaces see. It checks a request (the task exists, is enabled and not paused),
 * then hands it to the backend that the configuration names now; backends come and go, and a switch of
 * {@code backend} applies to the next request without touching runs in progress. Without the configured backend
 * a request is refused, never sent elsewhere. Task control is the engine's, whatever backend; cancelling, pausing
 * or resuming one run is the engine's when the run is in progress in this container, else the configured backend's
 * when it knows the run (a Temporal workflow that another installation's worker runs), else the engine's again,
 * which says why it cannot.
 */
public final class SchedulerFacade implements Scheduler {

    private final Runs runs;
    private final Supplier<String> configured;
    private final Map<String, List<SchedulerBackend>> backends = new TreeMap<>();

    /** @param configured the configured backend's name, read at each request */
    public SchedulerFacade(Runs runs, Supplier<String> configured) {
        this.runs = runs;
        this.configured = configured;
    }

    /** A backend service arrived; the first one of a name serves until it goes. */
    public synchronized void add(String name, SchedulerBackend backend) {
        backends.computeIfAbsent(name, n -> new ArrayList<>()).add(backend);
    }

    public synchronized void remove(String name, SchedulerBackend backend) {
        List<SchedulerBackend> named = backends.get(name);
        if (named != null && named.remove(backend) && named.isEmpty()) {
            backends.remove(name);
        }
    }

    /** The names of the backends installed now, sorted. */
    public synchronized List<String> installed() {
        return List.copyOf(backends.keySet());
    }

    private synchronized SchedulerBackend active(String name) {
        List<SchedulerBackend> named = backends.get(name);
        return named == null ? null : named.get(0);
    }

    @Override
    public RunHandle submit(RunRequest request) {
        return submit(request, configured.get());
    }

    @Override
    public RunHandle submit(RunRequest request, String name) {
        runs.check(request);
        SchedulerBackend backend = active(name);
        if (backend == null) {
            throw new BackendUnavailableException(name, "it is not installed (installed: "
                    + (installed().isEmpty() ? "none" : String.join(", ", installed()))
                    + "); set backend to one of those, or install it");
        }
        return backend.submit(request);
    }

    @Override
    public RunResult run(RunRequest request) {
        RunHandle handle = submit(request);
        try {
            return handle.completion().toCompletableFuture().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CascadenceException("Stopped waiting for run " + handle.runId() + " of '"
                    + request.taskName() + "'; it goes on (GET /runs/" + handle.runId() + ")");
        }
    }

    @Override
    public void cancel(String runId) {
        if (!elsewhere(runId, backend -> backend.cancel(runId))) {
            runs.cancel(runId);
        }
    }

    /**
     * Whether the run is not in progress here and the configured backend knows it and took {@code call}: then the
     * engine is not asked.
     */
    private boolean elsewhere(String runId, Predicate<SchedulerBackend> call) {
        if (runs.inProgressHere(runId)) {
            return false;
        }
        SchedulerBackend backend = active(configured.get());
        return backend != null && call.test(backend);
    }

    @Override
    public void pause(String taskName) {
        runs.control().pause(taskName);
    }

    @Override
    public void resume(String taskName) {
        runs.control().resume(taskName);
    }

    @Override
    public void disable(String taskName) {
        runs.control().disable(taskName);
    }

    @Override
    public void enable(String taskName) {
        runs.control().enable(taskName);
    }

    @Override
    public void pauseRun(String taskName, String runId) {
        if (!elsewhere(runId, backend -> backend.pauseRun(taskName, runId))) {
            runs.control().pauseRun(taskName, runId);
        }
    }

    @Override
    public void resumeRun(String taskName, String runId) {
        if (!elsewhere(runId, backend -> backend.resumeRun(taskName, runId))) {
            runs.control().resumeRun(taskName, runId);
        }
    }

    @Override
    public String backend() {
        return configured.get();
    }

    /** The configured backend when it is missing, for {@code /health}. */
    public List<String> warnings() {
        String name = configured.get();
        if (active(name) != null) {
            return List.of();
        }
        return List.of("Scheduler backend '" + name + "' is configured but not installed; runs are refused (HTTP "
                + "503) until it is installed or backend names one that is (installed: "
                + (installed().isEmpty() ? "none" : String.join(", ", installed())) + ")");
    }
}
