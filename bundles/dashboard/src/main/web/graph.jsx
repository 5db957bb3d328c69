// The task graph of the dag backend (GET /dependencies): each task after the tasks it depends on, left to right,
// each node coloured by its last run's status. Layers are the longest path from a task without prerequisites;
// within a layer, tasks are ordered by the mean position of their prerequisites, which keeps most edges short.

import { seg } from './api.js';
import { useLive } from './live.js';
import { layout } from './layout.js';

const NODE_W = 150;
const NODE_H = 34;
const GAP_X = 70;
const GAP_Y = 18;

export function GraphView({ tasks, context }) {
  // The graph changes only with a configuration or plugin change: a view of it is not reloaded by the feed.
  const [graph, problem] = useLive('/dependencies', () => false, 0);
  if (problem) return <p class="error" role="alert">{problem}</p>;
  if (!graph) return <p class="note">Loading…</p>;
  const { layers, position, depth } = layout(graph);
  if (!layers.length) return <p class="muted">No task declares dependencies.</p>;
  const tallest = Math.max(...layers.map((l) => l.length));
  const width = layers.length * (NODE_W + GAP_X);
  const height = tallest * (NODE_H + GAP_Y) + GAP_Y;
  const at = (name) => ({ x: depth.get(name) * (NODE_W + GAP_X) + 10, y: position.get(name) * (NODE_H + GAP_Y) + GAP_Y });
  const edges = [];
  for (const [name, deps] of Object.entries(graph)) {
    for (const dep of deps) {
      const a = at(dep);
      const b = at(name);
      const x1 = a.x + NODE_W;
      const y1 = a.y + NODE_H / 2;
      const x2 = b.x;
      const y2 = b.y + NODE_H / 2;
      const mid = (x1 + x2) / 2;
      edges.push(<path class="edge" d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2 - 4},${y2}`}
        marker-end="url(#arrow)" data-from={dep} data-to={name} />);
    }
  }
  return (
    <section class="graph">
      <h2>Task graph</h2>
      {context.backend && context.backend !== 'dag' ? (
        <p class="banner stale" role="status">The backend is <code>{context.backend}</code>: these dependencies are
          declared, but only the <code>dag</code> backend runs a task's prerequisites before it.</p>
      ) : <p class="muted">Each task runs after the tasks its arrows come from (the dag backend).</p>}
      <svg class="dag" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img"
        aria-label="Dependency graph of the tasks">
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" class="arrowhead" />
          </marker>
        </defs>
        {edges}
        {[...depth.keys()].map((name) => {
          const p = at(name);
          const task = tasks.get(name);
          const status = task && task.last_run ? task.last_run.status : task ? 'none' : 'missing';
          return (
            <a href={'#/tasks/' + seg(name)}>
              <g class={'node ' + status} data-task={name} data-status={status}>
                <rect x={p.x} y={p.y} width={NODE_W} height={NODE_H} rx="6" />
                <text x={p.x + 10} y={p.y + 15}>{name.length > 18 ? name.slice(0, 17) + '…' : name}</text>
                <text x={p.x + 10} y={p.y + 28} class="sub">
                  {status === 'missing' ? 'not registered' : status === 'none' ? 'never run' : status}
                </text>
                <title>{name}</title>
              </g>
            </a>
          );
        })}
      </svg>
    </section>
  );
}
