// Where each task of the dependency graph goes: its layer (column) and its place in the layer (row).

/** Layers of the graph: `graph` maps a task to its prerequisites; a cycle's members end up in one layer. */
export function layout(graph) {
  const names = new Set(Object.keys(graph));
  for (const deps of Object.values(graph)) deps.forEach((d) => names.add(d));
  const depth = new Map();
  const visiting = new Set();
  const depthOf = (name) => {
    if (depth.has(name)) return depth.get(name);
    if (visiting.has(name)) return 0;
    visiting.add(name);
    const deps = graph[name] || [];
    const d = deps.length ? 1 + Math.max(...deps.map(depthOf)) : 0;
    visiting.delete(name);
    depth.set(name, d);
    return d;
  };
  [...names].sort().forEach(depthOf);
  const layers = [];
  for (const [name, d] of depth) (layers[d] = layers[d] || []).push(name);
  const position = new Map();
  layers.forEach((layer, i) => {
    if (i === 0) layer.sort();
    else {
      const mean = (n) => {
        const deps = graph[n] || [];
        return deps.length ? deps.reduce((s, d) => s + (position.get(d) || 0), 0) / deps.length : 0;
      };
      layer.sort((a, b) => mean(a) - mean(b) || (a < b ? -1 : 1));
    }
    layer.forEach((n, j) => position.set(n, j));
  });
  return { layers, position, depth };
}
