// Runs: the recent runs of every task (GET /runs, filtered by task, status and trigger), and a run's own page
// (GET /runs/ID) with its stages drawn as a timeline, their status, times and errors, and the runs its plan started.

import { useEffect, useRef, useState } from 'preact/hooks';
import { post, seg } from './api.js';
import { useLive } from './live.js';
import { between, byName, duration, isTaskName, shortId, time } from './format.js';
import { act } from './tasks.jsx';

const STATUSES = ['queued', 'running', 'success', 'error', 'cancelled', 'timed_out', 'interrupted'];
const FAILED = new Set(['error', 'timed_out', 'interrupted', 'cancelled']);
const TRIGGERS = ['api', 'cli', 'shell', 'cron', 'webhook', 'temporal', 'remote'];

/** The choices of a filter, with the chosen value among them even when it is not one (from the address). */
function withChosen(choices, chosen) {
  return chosen && !choices.includes(chosen) ? choices.concat(chosen) : choices;
}

function CancelButton({ run, context }) {
  if (run.status !== 'running' && run.status !== 'queued') return null;
  return (
    <button type="button" data-action="cancel" disabled={!context.canControl}
      title={context.canControl ? 'End this run as cancelled' : 'Give an API token to cancel runs'}
      onClick={() => act(context, 'Cancel run ' + shortId(run.run_id),
        () => post('/runs/' + seg(run.run_id) + '/cancel'))}>
      Cancel
    </button>
  );
}

/**
 * The task names the task filter offers: the tasks and the tasks of the runs listed, sorted. Sorted again only when
 * that set changes, not on every live update (the tasks' map is new after each batch of events).
 */
function useTaskNames(tasks, runs, chosen) {
  const cache = useRef({ key: null, names: [] });
  let key = chosen;
  for (const name of tasks.keys()) key += '\n' + name;
  for (const run of runs) if (!tasks.has(run.task)) key += '\n' + run.task;
  if (cache.current.key !== key) {
    const names = [...new Set([...tasks.keys(), ...runs.map((r) => r.task), chosen].filter(Boolean))].sort(byName);
    cache.current = { key, names };
  }
  return cache.current.names;
}

export function RunsList({ runs, problem, filters, setFilters, tasks, context }) {
  const set = (key) => (e) => setFilters(Object.assign({}, filters, { [key]: e.target.value }));
  const names = useTaskNames(tasks, runs, filters.task);
  // A thousand options cost the first paint a few dozen milliseconds: they are drawn right after it (effects run
  // once the browser has painted), with only the chosen one before.
  const [allNames, setAllNames] = useState(false);
  useEffect(() => setAllNames(true), []);
  const offered = allNames ? names : names.filter((name) => name === filters.task);
  // Nested runs (a plan's children, a dag prerequisite's runs) are on their parent's page, not in this list.
  return (
    <section class="runs">
      <h2>Recent runs</h2>
      <div class="filters">
        <select value={filters.task} onChange={set('task')} aria-label="Filter runs by task">
          <option value="">every task</option>
          {offered.map((name) => <option key={name} value={name}>{name}</option>)}
        </select>
        <select value={filters.status} onChange={set('status')} aria-label="Filter runs by status">
          <option value="">any status</option>
          {withChosen(STATUSES, filters.status).map((s) => <option value={s}>{s}</option>)}
        </select>
        <select value={filters.trigger} onChange={set('trigger')} aria-label="Filter runs by trigger">
          <option value="">any trigger</option>
          {withChosen(TRIGGERS, filters.trigger).map((s) => <option value={s}>{s}</option>)}
        </select>
      </div>
      <div class="scroll">
        <table class="grid" id="runs">
          <thead>
            <tr><th>Run</th><th>Task</th><th>Status</th><th>Trigger</th><th>Submitted</th><th>Duration</th><th /></tr>
          </thead>
          <tbody>
            {problem && <tr><td colSpan="7" class="error" role="alert">These filters were refused: {problem}</td></tr>}
            {runs.length === 0 && !problem && <tr><td colSpan="7" class="muted">
              {filters.task || filters.status || filters.trigger ? 'No top-level run matches these filters'
                : 'No runs yet'}</td></tr>}
            {runs.map((run) => (
              <tr key={run.run_id} data-run={run.run_id} data-status={run.status}>
                <td><a href={'#/runs/' + seg(run.run_id)}><code>{shortId(run.run_id)}</code></a></td>
                <td><a href={'#/tasks/' + seg(run.task)}>{run.task}</a></td>
                <td><span class={'status ' + run.status}>{run.status}</span></td>
                <td>{run.trigger || ''}</td>
                <td title={run.submitted_at}>{time(run.submitted_at)}</td>
                <td>{duration(run.duration_ms != null ? run.duration_ms : between(run.started_at, run.finished_at))}</td>
                <td><CancelButton run={run} context={context} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A run's stages as bars on one time axis, from its start to its end (or now, while it runs). */
function Timeline({ run }) {
  const stages = run.stages || [];
  const start = Date.parse(run.started_at || run.submitted_at);
  const ends = stages.map((s) => Date.parse(s.finished_at || s.started_at || '')).filter((t) => !isNaN(t));
  const end = Math.max(run.finished_at ? Date.parse(run.finished_at) : Date.now(), ...ends, start + 1);
  const span = end - start;
  if (!stages.length) return <p class="muted">No stage has started.</p>;
  return (
    <div class="timeline" role="list">
      {stages.map((stage) => {
        const from = Date.parse(stage.started_at || run.started_at);
        const to = stage.finished_at ? Date.parse(stage.finished_at) : end;
        const left = Math.min(99.5, Math.max(0, ((from - start) / span) * 100));
        const width = Math.max(0.5, ((to - from) / span) * 100);
        return (
          <div class="lane" role="listitem" data-stage={stage.stage} data-status={stage.status}>
            <span class="label">{stage.stage}</span>
            <span class="track">
              <span class={'bar ' + stage.status} style={{ left: left + '%', width: Math.min(width, 100 - left) + '%' }}
                title={stage.stage + ': ' + stage.status + ', ' + duration(to - from)} />
            </span>
            <span class={'status ' + stage.status}>{stage.status}</span>
            <span class="muted">{duration(stage.finished_at ? to - from : null)}</span>
            <span class={'reason ' + (FAILED.has(stage.status) ? 'error' : 'muted')}>{stage.reason || ''}</span>
          </div>
        );
      })}
    </div>
  );
}

export function RunPage({ id, context }) {
  // The feed says when this run (or one of its children) moves on.
  const [run, problem] = useLive('/runs/' + seg(id),
    (ev) => ev.data.run_id === id || ev.data.parent_run_id === id, 300);
  if (problem) return <p class="error" role="alert">{problem}</p>;
  if (!run) return <p class="note">Loading…</p>;
  return (
    <section class="run" data-run={run.run_id} data-status={run.status}>
      <h2>Run <code>{run.run_id}</code></h2>
      <dl class="facts">
        <dt>Task</dt><dd>{isTaskName(run.task) ? <a href={'#/tasks/' + seg(run.task)}>{run.task}</a>
          : <>{run.task} <span class="muted">(a step of its parent's plan)</span></>}</dd>
        <dt>Status</dt><dd><span class={'status ' + run.status} id="run-status">{run.status}</span>
          {' '}<CancelButton run={run} context={context} /></dd>
        <dt>Trigger</dt><dd>{run.trigger}</dd>
        {run.parent_run_id && <><dt>Parent</dt><dd><a href={'#/runs/' + seg(run.parent_run_id)}>
          <code>{run.parent_run_id}</code></a></dd></>}
        <dt>Submitted</dt><dd title={run.submitted_at}>{time(run.submitted_at)}</dd>
        <dt>Started</dt><dd title={run.started_at}>{time(run.started_at)}</dd>
        <dt>Finished</dt><dd title={run.finished_at}>{time(run.finished_at)}</dd>
        <dt>Duration</dt><dd>{duration(run.duration_ms)}</dd>
        {run.due_at && <><dt>Due</dt><dd title={run.due_at}>{time(run.due_at)}
          {run.lateness_ms != null && <span class="muted"> ({duration(run.lateness_ms)} late)</span>}</dd></>}
        {run.error && <><dt>Error</dt><dd class="error">{run.failed_stage ? run.failed_stage + ': ' : ''}{run.error}</dd></>}
        {run.result != null && <><dt>Result</dt><dd><code>{typeof run.result === 'string' ? run.result
          : JSON.stringify(run.result)}</code></dd></>}
        {run.input != null && <><dt>Input</dt><dd><code>{run.input}</code></dd></>}
      </dl>
      <h3>Stages</h3>
      <Timeline run={run} />
      <h3>Children</h3>
      {run.children && run.children.length ? (
        <ul class="children">
          {run.children.map((child) => (
            <li><a href={'#/runs/' + seg(child.run_id)}>{child.task}</a>{' '}
              <span class={'status ' + child.status}>{child.status}</span>{' '}
              <span class="muted">{duration(child.duration_ms)}</span></li>
          ))}
        </ul>
      ) : <p class="muted">None</p>}
    </section>
  );
}
