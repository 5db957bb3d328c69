// Where the task graph puts each task (src/main/web/layout.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layout } from '../../main/web/layout.js';

test('each task is one layer right of its deepest prerequisite', () => {
  const { depth } = layout({ load: ['transform'], transform: ['extract'], report: ['load', 'extract'] });
  assert.equal(depth.get('extract'), 0);
  assert.equal(depth.get('transform'), 1);
  assert.equal(depth.get('load'), 2);
  assert.equal(depth.get('report'), 3);
});

test('a prerequisite that declares nothing itself is still drawn', () => {
  const { layers } = layout({ b: ['a'] });
  assert.deepEqual(layers, [['a'], ['b']]);
});

test('a cycle (which the API refuses, but a service property could hold) does not loop forever', () => {
  const { depth } = layout({ a: ['b'], b: ['a'] });
  assert.equal(depth.size, 2);
});
