// What the live feed changes in what the page shows, between two reloads from the API. Plain functions over plain
// objects, so that a burst of events costs one render (the page applies a whole batch, then draws once).

import { between, byName } from './format.js';

/** The statuses of a run that has ended. */
export const ENDED = new Set(['success', 'error', 'cancelled', 'timed_out', 'interrupted']);

/**
 * Applies a batch of feed events to the tasks (by name) and the recent runs (newest first), returning new objects
 * only where something changed. `active` holds the ids of the runs seen in progress, across batches.
 */
export function apply(state, events, active) {
  let tasks = state.tasks;
  let runs = state.runs;
  let changedTasks = false;
  let changedRuns = false;
  const taskCopy = () => {
    if (!changedTasks) {
      tasks = new Map(tasks);
      changedTasks = true;
    }
  };
  const runCopy = () => {
    if (!changedRuns) {
      runs = runs.slice();
      changedRuns = true;
    }
  };
  for (const { type, data } of events) {
    if (!data || !data.task || !data.run_id) continue;
    const task = tasks.get(data.task);
    if (type === 'audit') {
      // Audit events say when each stage starts and how it ends ('started', then 'success', 'error', 'skipped'…),
      // as the API's stage and stage_status do. 'stage' events, the original's, come only once a stage is over.
      const fresh = !active.has(data.run_id);
      // A run another task's plan started as a prerequisite is its own task's run all the same (the API's last
      // run is the newest of any kind); it leaves the recent runs, which are top-level, when its end says so.
      if (fresh) active.add(data.run_id);
      if (!task) continue;
      taskCopy();
      const previous = task.last_run && task.last_run.run_id === data.run_id ? task.last_run : null;
      const lastRun = Object.assign({}, previous || { run_id: data.run_id, started_at: data.time, trigger: null },
        { status: 'running', stage: data.stage, stage_status: data.status || 'started', stage_at: data.time });
      tasks.set(data.task, Object.assign({}, task, {
        last_run: lastRun,
        running: (task.running || 0) + (fresh && !previous ? 1 : 0),
      }));
      if (fresh && !runs.some((r) => r.run_id === data.run_id)) {
        runCopy();
        runs.unshift({ run_id: data.run_id, task: data.task, status: 'running', trigger: null,
          submitted_at: data.time, started_at: data.time, stages: [] });
      }
    } else if (type === 'run' && ENDED.has(data.status)) {
      const wasActive = active.delete(data.run_id);
      const index = runs.findIndex((r) => r.run_id === data.run_id);
      if (index >= 0 && data.parent_run_id) {
        runCopy();
        runs.splice(index, 1);
      } else if (index >= 0) {
        runCopy();
        runs[index] = Object.assign({}, runs[index], {
          status: data.status, finished_at: data.finished_at, error: data.error,
          duration_ms: between(data.started_at, data.finished_at),
        });
      }
      if (!task) continue;
      taskCopy();
      const previous = task.last_run && task.last_run.run_id === data.run_id ? task.last_run : {};
      tasks.set(data.task, Object.assign({}, task, {
        running: Math.max(0, (task.running || 0) - (wasActive ? 1 : 0)),
        last_run: Object.assign({}, previous, {
          run_id: data.run_id,
          status: data.status,
          started_at: data.started_at || previous.started_at,
          finished_at: data.finished_at,
          duration_ms: between(data.started_at || previous.started_at, data.finished_at),
          stage: data.stage || previous.stage,
          stage_status: data.status === 'success' ? 'success' : data.status,
          stage_at: data.finished_at || previous.stage_at,
        }),
      }));
    }
  }
  return { tasks, runs, changed: changedTasks || changedRuns };
}

/** The tasks to list: those whose name holds `text` (any case) and in `state` (or any), sorted by `key`. */
export function visible(tasks, { text, state, key, descending }, stateOf, schedules) {
  const needle = (text || '').toLowerCase();
  const rows = [];
  for (const task of tasks.values()) {
    if (needle && !task.name.toLowerCase().includes(needle)) continue;
    if (state && stateOf(task) !== state) continue;
    rows.push(task);
  }
  const value = (task) => {
    switch (key) {
      case 'state': return stateOf(task);
      case 'stage': return (task.last_run && task.last_run.stage_at) || '';
      case 'last_run': return (task.last_run && (task.last_run.finished_at || task.last_run.started_at)) || '';
      case 'duration': return task.last_run && task.last_run.duration_ms != null ? task.last_run.duration_ms : -1;
      case 'pointers': return task.pointers || 0;
      case 'next': {
        const s = schedules.get(task.name);
        return (s && s.next_fire_at) || '~';
      }
      default: return task.name.toLowerCase(); // 'calcom_webhook' between 'Extract' and 'Load'; ties by byName
    }
  };
  rows.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order = x < y ? -1 : x > y ? 1 : byName(a.name, b.name);
    return descending ? -order : order;
  });
  return rows;
}
