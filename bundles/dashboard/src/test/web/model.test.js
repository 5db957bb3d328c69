// What the live feed does to the tasks and runs the page shows (src/main/web/model.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apply, visible } from '../../main/web/model.js';
import { byName, duration, shortId, taskState, zoned } from '../../main/web/format.js';

const task = (name, extra) => Object.assign({ name, paused: false, disabled: false, running: 0, last_run: null }, extra);
const state = (...tasks) => ({ tasks: new Map(tasks.map((t) => [t.name, t])), runs: [] });
const stage = (taskName, runId, name, time, status = 'started') => ({
  type: 'audit', data: { task: taskName, run_id: runId, stage: name, status, time },
});
const run = (taskName, runId, status, startedAt, finishedAt) => ({
  type: 'run', data: { task: taskName, run_id: runId, status, started_at: startedAt, finished_at: finishedAt },
});

test('a run that starts makes its task running, with its stage and time, and lists the run', () => {
  const active = new Set();
  const next = apply(state(task('example')), [stage('example', 'r1', 'intake', '2026-12-05T10:00:00Z'),
    stage('example', 'r1', 'run', '2026-12-05T10:00:01Z')], active);
  const t = next.tasks.get('example');
  assert.equal(t.running, 1);
  assert.equal(taskState(t), 'running');
  assert.equal(t.last_run.stage, 'run');
  assert.equal(t.last_run.stage_at, '2026-12-05T10:00:01Z');
  assert.deepEqual(next.runs.map((r) => [r.run_id, r.status]), [['r1', 'running']]);
});

test('the run that ends makes its task idle again with the outcome and duration', () => {
  const active = new Set();
  let s = apply(state(task('example')), [stage('example', 'r1', 'run', '2026-12-05T10:00:00Z')], active);
  s = apply(s, [run('example', 'r1', 'error', '2026-12-05T10:00:00Z', '2026-12-05T10:00:02.5Z')], active);
  const t = s.tasks.get('example');
  assert.equal(t.running, 0);
  assert.equal(taskState(t), 'idle');
  assert.equal(t.last_run.status, 'error');
  assert.equal(t.last_run.duration_ms, 2500);
  assert.equal(s.runs[0].status, 'error');
});

test('two runs of one task at once count twice, and a paused task stays paused while one runs', () => {
  const active = new Set();
  const s = apply(state(task('slow', { paused: true })), [stage('slow', 'a', 'run', 't1'), stage('slow', 'b', 'run', 't2')], active);
  assert.equal(s.tasks.get('slow').running, 2);
  assert.equal(taskState(s.tasks.get('slow')), 'paused');
});

test('events of tasks the page does not list, and nested runs, change nothing they should not', () => {
  const active = new Set();
  const before = state(task('example'));
  const s = apply(before, [stage('other', 'x', 'run', 't'),
    { type: 'run', data: { task: 'example/1', run_id: 'c', parent_run_id: 'p', status: 'success' } }], active);
  assert.equal(s.tasks, before.tasks);
});

test('filter and sort: by name text, by state, and by a column either way', () => {
  const tasks = new Map([['b', task('b', { paused: true })], ['a', task('a')], ['ab', task('ab', { disabled: true })]]);
  const names = (view) => visible(tasks, Object.assign({ text: '', state: '', key: 'name', descending: false }, view),
    taskState, new Map()).map((t) => t.name);
  assert.deepEqual(names({}), ['a', 'ab', 'b']);
  assert.deepEqual(names({ text: 'A' }), ['a', 'ab']);
  assert.deepEqual(names({ state: 'paused' }), ['b']);
  assert.deepEqual(names({ descending: true }), ['b', 'ab', 'a']);
  assert.deepEqual(names({ key: 'state' }), ['ab', 'a', 'b']);
  const mixed = new Map([['Load', task('Load')], ['calcom', task('calcom')], ['Extract', task('Extract')]]);
  assert.deepEqual(visible(mixed, { text: '', state: '', key: 'name', descending: false }, taskState, new Map())
    .map((t) => t.name), ['calcom', 'Extract', 'Load'], 'names sort without regard to case');
});

test('durations read as a person would say them', () => {
  assert.equal(duration(5), '5 ms');
  assert.equal(duration(2500), '2.50 s');
  assert.equal(duration(125000), '2 min 5 s');
  assert.equal(duration(null), '');
});

test('a nested run (a dag prerequisite) is the last run of its task, and leaves the top-level runs when it ends', () => {
  const active = new Set();
  const earlier = { run_id: 'old', status: 'success' };
  let s = apply(state(task('Extract', { last_run: earlier })),
    [stage('Extract', 'child', 'run', '2026-12-05T10:00:00Z')], active);
  assert.equal(taskState(s.tasks.get('Extract')), 'running');
  s = apply(s, [{ type: 'run', data: { task: 'Extract', run_id: 'child', parent_run_id: 'load-run',
    status: 'success', started_at: '2026-12-05T10:00:00Z', finished_at: '2026-12-05T10:00:01.25Z' } }], active);
  assert.equal(taskState(s.tasks.get('Extract')), 'idle');
  assert.equal(s.tasks.get('Extract').last_run.run_id, 'child');
  assert.equal(s.tasks.get('Extract').last_run.status, 'success');
  assert.equal(s.tasks.get('Extract').last_run.duration_ms, 1250);
  assert.deepEqual(s.runs, []);
});

test("the current stage is the one an audit event says has started, not the last 'stage' event's (an ended one)", () => {
  const active = new Set();
  let s = apply(state(task('sleep')), [stage('sleep', 'r1', 'plan', '2026-12-05T10:00:00Z'),
    stage('sleep', 'r1', 'plan', '2026-12-05T10:00:00.1Z', 'success'),
    stage('sleep', 'r1', 'run', '2026-12-05T10:00:00.2Z')], active);
  s = apply(s, [{ type: 'stage', data: { task: 'sleep', run_id: 'r1', stage: 'plan', time: '2026-12-05T10:00:00.1Z' } }],
    active);
  const t = s.tasks.get('sleep');
  assert.equal(t.last_run.stage, 'run');
  assert.equal(t.last_run.stage_status, 'started');
  assert.equal(t.last_run.stage_at, '2026-12-05T10:00:00.2Z');
  assert.equal(t.running, 1);
});

test('a nested run id never reads as its parent', () => {
  assert.equal(shortId('1ead3950-7656-4f99-930c-bea0fb6e9788'), '1ead3950');
  assert.equal(shortId('1ead3950-7656-4f99-930c-bea0fb6e9788.1'), '1ead3950….1');
  assert.equal(shortId('1ead3950-7656-4f99-930c-bea0fb6e9788.3.12'), '1ead3950….3.12');
  assert.deepEqual(['Load', 'calcom', 'Extract', 'load'].sort(byName), ['calcom', 'Extract', 'Load', 'load']);
});

test('ties in any column are broken by name without regard to case', () => {
  const tasks = new Map([['Load', task('Load')], ['calcom', task('calcom')], ['Extract', task('Extract')]]);
  const rows = visible(tasks, { text: '', state: '', key: 'state', descending: false }, taskState, new Map());
  assert.deepEqual(rows.map((t) => t.name), ['calcom', 'Extract', 'Load']);
});

test("a schedule's next fire time reads in the schedule's own zone, whatever the browser's", () => {
  assert.match(zoned('2026-12-07T08:00:00Z', 'Europe/Paris'), /9:00/);
  assert.match(zoned('2026-12-07T08:00:00Z', 'Asia/Tokyo'), /5:00/);
  assert.match(zoned('2026-12-07T08:00:00Z', 'Asia/Tokyo'), /Dec 7/);
  assert.equal(zoned('2026-12-07T08:00:00Z', 'Not/AZone').length > 0, true, 'an unknown zone still reads');
});
