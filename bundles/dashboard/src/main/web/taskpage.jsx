// A task's page: its facts, and its last runs (GET /tasks/NAME/runs?nested=true, its runs as another task's
// prerequisite included) drawn as a chart of durations over time, one bar per run coloured by outcome, then listed.

import { seg } from './api.js';
import { useLive } from './live.js';
import { duration, shortId, taskState, time, zoned } from './format.js';

const RUNS = 200;
const WIDTH = 720;
const HEIGHT = 180;
const PAD = { left: 56, right: 8, top: 10, bottom: 22 };

/**
 * Run durations in the order the runs started: bars left to right, oldest first, evenly spaced (not to a time
 * scale), coloured by status, with the first and the last bar's start time under them; the axis is in seconds.
 */
export function DurationChart({ runs }) {
  const shown = runs.filter((r) => r.started_at).slice().reverse();
  if (!shown.length) return <p class="muted">No runs to chart yet.</p>;
  const values = shown.map((r) => r.duration_ms == null ? 0 : r.duration_ms);
  const max = Math.max(1, ...values);
  const inner = WIDTH - PAD.left - PAD.right;
  const step = inner / shown.length;
  const barWidth = Math.max(1, Math.min(24, step - 1));
  const y = (v) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - v / max);
  const ticks = max >= 4 ? [0, max / 2, max] : [0, max];
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img"
      aria-label={`Durations of the last ${shown.length} runs, longest ${duration(max)}`}>
      {ticks.map((t) => (
        <g>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} class="gridline" />
          <text x={PAD.left - 4} y={y(t) + 4} text-anchor="end">{duration(t)}</text>
        </g>
      ))}
      {shown.map((run, i) => {
        const v = values[i];
        return (
          <a href={'#/runs/' + seg(run.run_id)}>
            <rect x={PAD.left + i * step} y={y(v)} width={barWidth} height={Math.max(1, HEIGHT - PAD.bottom - y(v))}
              class={'bar ' + run.status} data-status={run.status}>
              <title>{run.status + ', ' + duration(run.duration_ms) + ', ' + run.started_at}</title>
            </rect>
          </a>
        );
      })}
      <text x={PAD.left} y={HEIGHT - 6}>{time(shown[0].started_at)}</text>
      {shown.length > 1 && <text x={PAD.left + (shown.length - 1) * step + barWidth} y={HEIGHT - 6}
        text-anchor="end">{time(shown[shown.length - 1].started_at)}</text>}
    </svg>
  );
}

export function TaskPage({ name, task, schedule }) {
  // Its runs as another task's prerequisite (nested in that task's run) are its runs too.
  const [runs, problem] = useLive('/tasks/' + seg(name) + '/runs?nested=true&limit=' + RUNS,
    (ev) => ev.type === 'run' && ev.data.task === name, 500);
  const counts = {};
  for (const run of runs || []) counts[run.status] = (counts[run.status] || 0) + 1;
  return (
    <section class="task" data-task={name}>
      <h2>Task {name}</h2>
      {!task && !problem && <p class="muted">Not registered now; its runs are kept.</p>}
      {task && (
        <dl class="facts">
          <dt>State</dt><dd><span class={'state ' + taskState(task)}>{taskState(task)}</span></dd>
          <dt>Mode</dt><dd>{task.async ? 'async' : 'sync'}</dd>
          <dt>Bundle</dt><dd>{task.bundle} {task.version}</dd>
          <dt>Schedule</dt><dd>{schedule ? <><code>{schedule.expression}</code> {schedule.timezone}
            {schedule.next_fire_at && <> · next <span title={schedule.next_fire_at}>
              {zoned(schedule.next_fire_at, schedule.timezone)}</span></>}</> : 'none'}</dd>
          <dt>Pointers</dt><dd>{task.pointers || 0}</dd>
        </dl>
      )}
      <h3>Durations and outcomes <span class="muted">(last {RUNS} runs)</span></h3>
      {problem && <p class="error" role="alert">{problem}</p>}
      {runs && <DurationChart runs={runs} />}
      {runs && (
        <p class="legend">{Object.entries(counts).map(([status, n]) =>
          <span class={'status ' + status}>{status} {n}</span>)}</p>
      )}
      {runs && (
        <table class="grid">
          <thead><tr><th>Run</th><th>Status</th><th>Trigger</th><th>Started</th><th>Duration</th><th>Error</th></tr></thead>
          <tbody>
            {runs.map((run) => (
              <tr data-run={run.run_id}>
                <td><a href={'#/runs/' + seg(run.run_id)}><code>{shortId(run.run_id)}</code></a></td>
                <td><span class={'status ' + run.status}>{run.status}</span></td>
                <td>{run.trigger}{run.parent_run_id && <> of <a href={'#/runs/' + seg(run.parent_run_id)}>
                  <code>{shortId(run.parent_run_id)}</code></a></>}</td>
                <td title={run.started_at}>{time(run.started_at)}</td>
                <td>{duration(run.duration_ms)}</td>
                <td class="error">{run.error || ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
