// The tasks: the "Queued Tasks" list (tasks with stored pointers, as in the original), then one row per task with
// its real state, its current or last stage, its schedule and its last run, and the controls, each of which calls
// the REST API and shows the API's own message when it is refused.

import { Component } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { del, get, post, query, seg } from './api.js';
import { duration, shortId, taskState, time, zoned } from './format.js';
import { FEED_EVENTS } from './live.js';
import { ENDED, visible } from './model.js';

/** Rows drawn at first; the rest follow a batch per frame, so a thousand tasks do not hold back the first screen. */
const FIRST_ROWS = 20;
const ROWS_PER_FRAME = 150;

/** A stage's end worth saying beside its name (a stage that started or succeeded needs no word). */
const SHOWN_STAGE_STATUS = new Set(['skipped', 'error', 'cancelled', 'timed_out', 'interrupted', 'paused']);

const COLUMNS = [
  ['name', 'Task'], ['state', 'State'], ['stage', 'Stage'], [null, 'Mode'], ['next', 'Schedule'],
  ['last_run', 'Last run'], ['duration', 'Duration'], ['pointers', 'Pointers'], [null, 'Control'],
];

/** Runs an API call for a control, then says how it went; the answer's `detail` when it is refused. */
export async function act(context, label, call) {
  try {
    const answer = await call();
    if (answer && answer.run_id && answer.status === 'running') {
      follow(context, label, answer.run_id);
    } else {
      context.say(label + ': ' + ((answer && answer.status) || 'done'), true);
    }
    context.reload();
    return true;
  } catch (e) {
    context.say(label + ' refused: ' + e.message, false);
    return false;
  }
}

/** Says a run has started, then how it ended, from the live feed (the run's page has the rest). */
function follow(context, label, runId) {
  context.say(label + ': started, run ' + shortId(runId), true);
  let done = false;
  const finish = (run) => {
    if (done) return;
    done = true;
    removeEventListener(FEED_EVENTS, onEvents);
    clearTimeout(timer);
    const ok = run.status === 'success';
    context.say(label + ': run ' + shortId(runId) + ' ' + run.status
      + (run.stage && !ok ? ' at ' + run.stage : '') + (run.error ? ': ' + run.error : ''), ok);
  };
  const onEvents = (e) => {
    const end = e.detail.find((ev) => ev.type === 'run' && ev.data && ev.data.run_id === runId);
    if (end) finish(end.data);
  };
  addEventListener(FEED_EVENTS, onEvents);
  const timer = setTimeout(() => removeEventListener(FEED_EVENTS, onEvents), 10 * 60 * 1000);
  // A quick run can end before the answer that started it reaches the page, its end event first: ask once.
  get('/runs/' + seg(runId)).then((run) => {
    if (run && ENDED.has(run.status)) finish({ status: run.status, stage: run.failed_stage, error: run.error });
  }).catch(() => {});
}

function RunForm({ task, context, close }) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');
  const submit = async (e) => {
    e.preventDefault();
    let body;
    if (input.trim()) {
      try {
        JSON.parse(input);
      } catch (err) {
        setError('The input is not JSON: ' + err.message);
        return;
      }
      body = input;
    }
    if (await act(context, 'Run ' + task.name, () => post('/tasks/' + seg(task.name) + '/run-async', body))) close();
  };
  return (
    <form class="inline" onSubmit={submit}>
      <textarea name="input" rows="2" placeholder='optional JSON input, e.g. {"n": 3}' value={input}
        onInput={(e) => setInput(e.target.value)} aria-label={'Input of ' + task.name} />
      <button type="submit">Start run</button>
      <button type="button" class="link" onClick={close}>close</button>
      {error && <span class="error" role="alert">{error}</span>}
    </form>
  );
}

function ScheduleForm({ task, schedule, context, close }) {
  const [expression, setExpression] = useState(schedule ? schedule.expression : '');
  const [zone, setZone] = useState(schedule && schedule.timezone_source === 'schedule' ? schedule.timezone : '');
  const [error, setError] = useState('');
  const submit = async (e) => {
    e.preventDefault();
    if (!expression.trim()) {
      setError('Give a cron expression: five fields (minute hour day month weekday), e.g. 0 12 * * *');
      return;
    }
    setError('');
    const q = query({ expression: expression.trim(), timezone: zone.trim() });
    if (await act(context, 'Schedule ' + task.name, () => post('/tasks/' + seg(task.name) + '/schedule' + q))) close();
  };
  return (
    <form class="inline" onSubmit={submit}>
      <input name="expression" placeholder="cron, e.g. */5 * * * *" value={expression}
        onInput={(e) => setExpression(e.target.value)} aria-label={'Cron expression of ' + task.name} />
      <input name="timezone" placeholder="time zone (default: scheduler's)" value={zone}
        onInput={(e) => setZone(e.target.value)} aria-label={'Time zone of ' + task.name} />
      <button type="submit">Save schedule</button>
      <button type="button" class="link" onClick={close}>close</button>
      {error && <span class="error" role="alert">{error}</span>}
    </form>
  );
}

function TaskRowView({ task, schedule, context }) {
  const [open, setOpen] = useState(null);
  const state = taskState(task);
  const last = task.last_run;
  const name = seg(task.name);
  const can = context.canControl;
  const locked = can ? undefined : 'Give an API token to change tasks';
  const control = (label, path, method) => (
    <button type="button" disabled={!can} title={locked} data-action={label.toLowerCase()}
      onClick={() => act(context, label + ' ' + task.name, () => (method === 'DELETE' ? del(path) : post(path)))}>
      {label}
    </button>
  );
  return (
    <>
      <tr data-task={task.name} data-state={state}>
        <td class="name"><a href={'#/tasks/' + name}>{task.name}</a></td>
        <td><span class={'state ' + state} data-state={state}>{state}</span>
          {state === 'running' && task.running > 1 && <span class="muted"> ×{task.running}</span>}
          {state !== 'running' && task.running > 0 && (
            <div class="muted" data-held={task.running}>
              {task.running === 1 ? '1 run in progress' : task.running + ' runs in progress'}
            </div>
          )}</td>
        <td class="stage">
          {last && last.stage ? (
            <span title={last.stage_at}>
              {last.stage}{SHOWN_STAGE_STATUS.has(last.stage_status) && <span class="muted"> ({last.stage_status})</span>}
              {' '}<span class="muted">{time(last.stage_at)}</span>
            </span>
          ) : ''}
        </td>
        <td>{task.async ? 'async' : 'sync'}</td>
        <td class="schedule">
          {schedule ? (
            <span title={schedule.state + (schedule.next_fire_at ? ', next fire ' + schedule.next_fire_at : '')}>
              <code>{schedule.expression}</code> <span class="muted">{schedule.timezone}</span>
              {schedule.next_fire_at && <div class="muted">next {zoned(schedule.next_fire_at, schedule.timezone)}</div>}
              {schedule.state !== 'active' && <div class="muted">{schedule.state.replace(/_/g, ' ')}</div>}
            </span>
          ) : ''}
        </td>
        <td class="last">
          {last ? <a href={'#/runs/' + seg(last.run_id)} class={'status ' + last.status}
            data-status={last.status}>{last.status}</a> : ''}
        </td>
        <td>{last ? duration(last.duration_ms) : ''}</td>
        <td class="num">{task.pointers ? task.pointers : ''}</td>
        <td class="controls">
          <button type="button" disabled={!can} title={locked}
            data-action="run" onClick={() => setOpen(open === 'run' ? null : 'run')}>Run…</button>
          {task.paused ? control('Resume', '/tasks/' + name + '/resume') : control('Pause', '/tasks/' + name + '/pause')}
          {task.disabled ? control('Enable', '/tasks/' + name + '/enable')
            : control('Disable', '/tasks/' + name + '/disable')}
          <button type="button" disabled={!can} title={locked} data-action="schedule"
            onClick={() => setOpen(open === 'schedule' ? null : 'schedule')}>Schedule…</button>
          {schedule && schedule.source === 'file' && control('Unschedule', '/tasks/' + name + '/schedule', 'DELETE')}
        </td>
      </tr>
      {open && (
        <tr class="form-row">
          <td colSpan={COLUMNS.length}>
            {open === 'run' ? <RunForm task={task} context={context} close={() => setOpen(null)} />
              : <ScheduleForm task={task} schedule={schedule} context={context} close={() => setOpen(null)} />}
          </td>
        </tr>
      )}
    </>
  );
}

/** A row is drawn again only when its task, its schedule or the page's controls change. */
class TaskRow extends Component {
  shouldComponentUpdate(next) {
    return next.task !== this.props.task || next.schedule !== this.props.schedule
      || next.context !== this.props.context;
  }

  render(props) {
    return <TaskRowView {...props} />;
  }
}

export function TasksView({ tasks, schedules, context }) {
  const [view, setView] = useState({ text: '', state: '', key: 'name', descending: false });
  const rows = useMemo(() => visible(tasks, view, taskState, schedules), [tasks, schedules, view]);
  const queued = useMemo(() => [...tasks.values()].filter((t) => t.pointers > 0), [tasks]);
  const [drawn, setDrawn] = useState(FIRST_ROWS);
  useEffect(() => {
    if (drawn >= rows.length) return undefined;
    const frame = requestAnimationFrame(() => setDrawn(drawn + ROWS_PER_FRAME));
    return () => cancelAnimationFrame(frame);
  }, [drawn, rows.length]);
  const sortBy = (key) => setView(Object.assign({}, view, {
    key, descending: view.key === key ? !view.descending : false,
  }));
  return (
    <section class="tasks">
      <h2>Queued Tasks</h2>
      <ul class="queued">
        {queued.length ? queued.map((t) => <li key={t.name}>{t.name} <span class="muted">({t.pointers})</span></li>)
          : <li class="muted">None</li>}
      </ul>
      <h2>Tasks <span class="muted">{rows.length === tasks.size ? tasks.size : rows.length + ' of ' + tasks.size}</span></h2>
      <div class="filters">
        <input type="search" placeholder="Filter by name" value={view.text} aria-label="Filter tasks by name"
          onInput={(e) => setView(Object.assign({}, view, { text: e.target.value }))} />
        <select value={view.state} aria-label="Filter tasks by state"
          onChange={(e) => setView(Object.assign({}, view, { state: e.target.value }))}>
          <option value="">any state</option>
          {['idle', 'running', 'paused', 'disabled'].map((s) => <option value={s}>{s}</option>)}
        </select>
      </div>
      <div class="scroll">
        <table class="grid" id="tasks">
          <thead>
            <tr>
              {COLUMNS.map(([key, label]) => (
                <th key={label} class={key ? 'sortable' : ''} onClick={key ? () => sortBy(key) : undefined}
                  aria-sort={view.key === key ? (view.descending ? 'descending' : 'ascending') : undefined}>
                  {label}{view.key === key ? (view.descending ? ' ▾' : ' ▴') : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && <tr><td colSpan={COLUMNS.length} class="muted">
              {tasks.size ? 'No task matches these filters' : 'No tasks registered'}</td></tr>}
            {rows.slice(0, drawn).map((task) => <TaskRow key={task.name} task={task} schedule={schedules.get(task.name)}
              context={context} />)}
          </tbody>
        </table>
      </div>
    </section>
  );
}
