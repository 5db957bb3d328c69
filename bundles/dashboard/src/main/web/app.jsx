// The dashboard: one page over the REST API. Hash routes: #/ (tasks and recent runs), #/tasks/NAME (a task's runs
// and their chart), #/runs/ID (a run's stages as a timeline, and its children), #/graph (the task graph of the dag
// backend). What the page shows comes from the API, and the live feed (GET /events) keeps it current without a
// reload; a reconnect or a lag report reloads it from the API.

import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, get, setToken, token } from './api.js';
import { FEED_EVENTS, follow } from './live.js';
import { apply, ENDED } from './model.js';
import { time } from './format.js';
import { TasksView } from './tasks.jsx';
import { RunsList, RunPage } from './runs.jsx';
import { TaskPage } from './taskpage.jsx';
import { GraphView } from './graph.jsx';

const RUNS_SHOWN = 50;
const FILTERS = ['task', 'status', 'trigger'];

/** The first load's calls, sent as soon as the script runs rather than after the first render. */
function fetchAll(filters) {
  const params = new URLSearchParams({ limit: String(RUNS_SHOWN) });
  for (const key of FILTERS) if (filters[key]) params.set(key, filters[key]);
  // A runs filter the API refuses (one typed into the address) is said beside the runs, not instead of the page.
  return Promise.all([get('/tasks'), get('/schedules').catch(() => []),
    get('/runs?' + params).catch((e) => (e instanceof ApiError && e.status === 400 ? e : Promise.reject(e)))]);
}


/**
 * Where the page is, from its hash: #/runs/ID, #/tasks/NAME, #/graph, or the home page, whose run filters are the
 * hash's query (#/?task=NAME&status=error&trigger=cron), so that a reload or a shared link keeps them.
 */
function route() {
  const raw = location.hash.replace(/^#\/?/, '');
  const mark = raw.indexOf('?');
  const hash = decodeURIComponent(mark < 0 ? raw : raw.slice(0, mark));
  // An address without the id or name ('#/runs/') is the home page: there is nothing else it could mean.
  if (hash.startsWith('runs/') && hash.length > 5) return { page: 'run', id: hash.slice(5) };
  if (hash.startsWith('tasks/') && hash.length > 6) return { page: 'task', name: hash.slice(6) };
  if (hash === 'graph') return { page: 'graph' };
  const query = new URLSearchParams(mark < 0 ? '' : raw.slice(mark + 1));
  const filters = {};
  for (const key of FILTERS) filters[key] = query.get(key) || '';
  return { page: 'home', filters };
}

/** The home page's hash for these run filters. */
function homeHash(filters) {
  const query = new URLSearchParams();
  for (const key of FILTERS) if (filters[key]) query.set(key, filters[key]);
  const text = query.toString();
  return '#/' + (text ? '?' + text : '');
}

let firstFetch = fetchAll(route().filters || {});
firstFetch.catch(() => {});

/** What access the page has: open (no tokens), read-only (tokens, none given), locked (reads need one), token. */
async function probeAccess() {
  try {
    const config = await get('/config');
    const web = (config.pids || []).find((p) => p.pid === 'io.cascadence.web');
    const entry = web && web.entries.find((e) => e.key === 'api_tokens');
    const tokens = entry && entry.value && entry.value.length > 0;
    const backend = ((config.pids || []).find((p) => p.pid === 'io.cascadence') || { entries: [] })
      .entries.find((e) => e.key === 'backend');
    return { access: !tokens ? 'open' : token() ? 'token' : 'read-only', backend: backend ? backend.value : '' };
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      if (token()) {
        // A token that is refused is forgotten; without it the page is what it is for anyone (read-only or locked).
        setToken('');
        const anyone = await probeAccess();
        return Object.assign(anyone, {
          problem: 'That token was refused: it is not one of the api_tokens of io.cascadence.web.',
        });
      }
      return { access: 'locked', backend: '' };
    }
    throw e;
  }
}

function TokenBar({ access, problem, onToken }) {
  const [value, setValue] = useState('');
  if (access === 'open') return null;
  if (access === 'token') {
    return (
      <div class="tokenbar ok">
        Signed in with an API token.{' '}
        <button type="button" onClick={() => onToken('')}>Forget token</button>
      </div>
    );
  }
  return (
    <form class={'tokenbar ' + access} onSubmit={(e) => {
      e.preventDefault();
      onToken(value.trim());
      setValue(''); // a refused token is forgotten, here too
    }}>
      <span>
        {access === 'locked'
          ? 'This Cascadence needs an API token to show anything.'
          : 'Read-only: this Cascadence needs an API token to change anything.'}
      </span>
      <input type="password" name="token" placeholder="API token" autocomplete="off" value={value}
        onInput={(e) => setValue(e.target.value)} aria-label="API token" />
      <button type="submit">Use token</button>
      {problem && <span class="error" role="alert">{problem}</span>}
    </form>
  );
}

function App() {
  const [where, setWhere] = useState(route());
  const [access, setAccess] = useState(null);
  const [backend, setBackend] = useState('');
  const [problem, setProblem] = useState('');
  const [tokenProblem, setTokenProblem] = useState('');
  const [data, setData] = useState({ tasks: new Map(), runs: [], schedules: new Map(), loaded: false });
  const [filters, setFilters] = useState(where.filters || { task: '', status: '', trigger: '' });
  const [feed, setFeed] = useState('connecting');
  // Once the feed has been live, its loss means what the page shows may be out of date (a container restarted
  // under it ended its runs), and the page says so until the feed is back and it has reloaded.
  const wasLive = useRef(false);
  if (feed === 'live') wasLive.current = true;
  const [notice, setNotice] = useState(null);
  const [tick, setTick] = useState(0);
  const active = useRef(new Set());
  // When the page last heard from Cascadence (an answer, a batch of events): what a banner says it shows.
  const heard = useRef('');
  const pending = useRef([]);
  const frame = useRef(0);
  const reloadTimer = useRef(0);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  useEffect(() => {
    const onHash = () => {
      const now = route();
      setWhere(now);
      if (now.filters) {
        setFilters((current) => (FILTERS.every((k) => current[k] === now.filters[k]) ? current : now.filters));
      }
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const reload = useCallback(async () => {
    const pending = firstFetch || fetchAll(filtersRef.current);
    firstFetch = null;
    try {
      const [tasks, schedules, answer] = await pending;
      const runs = Array.isArray(answer) ? answer : [];
      if (!performance.getEntriesByName('cascadence:data').length) performance.mark('cascadence:data');
      heard.current = new Date().toISOString();
      active.current = new Set(runs.filter((r) => !ENDED.has(r.status)).map((r) => r.run_id));
      setData({
        tasks: new Map(tasks.map((t) => [t.name, t])),
        schedules: new Map(schedules.map((s) => [s.task, s])),
        runs,
        runsProblem: answer instanceof ApiError ? answer.message : '',
        loaded: true,
      });
      setProblem('');
      return true;
    } catch (e) {
      setProblem(e.message);
      if (e instanceof ApiError && e.status === 401) setAccess('locked');
      // A container that has just started can answer before all of its routes are there (404), or not at all:
      // worth asking again shortly. A refusal is not.
      return !(e instanceof ApiError) || e.status === 404 || e.status >= 500 ? 'retry' : true;
    }
  }, []);

  // Coalesces reloads: one at a time; a reload asked for while one is due or under way (events that its answer
  // may predate) is made once that one is done, so the page ends on what the API says after the last event.
  // A reload that failed the way a starting container fails is made again, every 2 s, up to 10 times in a row.
  const dirty = useRef(false);
  const retries = useRef(0);
  const scheduleReload = useCallback(function schedule(delay) {
    if (reloadTimer.current) {
      dirty.current = true;
      return;
    }
    dirty.current = false;
    reloadTimer.current = setTimeout(async () => {
      const outcome = await reload();
      reloadTimer.current = 0;
      retries.current = outcome === 'retry' ? retries.current + 1 : 0;
      if (outcome === 'retry' && retries.current <= 10) schedule(2000);
      else if (dirty.current) schedule(1000);
    }, delay);
  }, [reload]);

  useEffect(() => {
    // The data is asked for at once, beside the access probe: a refusal is handled when the probe answers.
    if (tick === 0) reload();
    probeAccess().then((found) => {
      setAccess(found.access);
      setBackend(found.backend);
      if (found.problem) setTokenProblem(found.problem);
    }).catch((e) => setProblem(e.message));
  }, [tick]);

  useEffect(() => {
    if (access === null || access === 'locked') {
      setFeed(access === 'locked' ? 'off until a token is given' : 'connecting');
      return undefined;
    }
    if (tick > 0) reload(); // a token was given: what the page shows may change with it
    let first = true;
    const live = follow({
      state: setFeed,
      // What happened between the first load and the feed's start is picked up a second later, after the first
      // paint; a reconnect may have missed more, so it reloads at once.
      open: () => {
        scheduleReload(first ? 1000 : 0);
        first = false;
      },
      lagged: (dropped) => {
        performance.mark('cascadence:lagged', { detail: dropped });
        scheduleReload(0);
      },
      events: (events) => {
        pending.current.push(...events);
        heard.current = new Date().toISOString();
        if (!frame.current) {
          frame.current = requestAnimationFrame(() => {
            frame.current = 0;
            const batch = pending.current;
            pending.current = [];
            const f = filtersRef.current;
            // A run the page has not seen yet: its trigger is not in the feed's events, its record has it.
            const fresh = batch.some((e) => e.type === 'audit' && e.data && !active.current.has(e.data.run_id));
            setData((current) => {
              const next = apply(current, batch, active.current);
              if (!next.changed) return current;
              const runs = (f.task || f.status || f.trigger) ? current.runs : next.runs.slice(0, RUNS_SHOWN);
              return Object.assign({}, current, { tasks: next.tasks, runs });
            });
            // Reconcile with the API (schedules' next fire times, records the feed does not carry).
            if (fresh || batch.some((e) => e.type === 'run' || e.type === 'spec')) scheduleReload(1500);
          });
        }
        window.dispatchEvent(new CustomEvent(FEED_EVENTS, { detail: events }));
      },
    });
    // A page left (or kept in the back/forward cache) lets its connection go: browsers allow only a few per host.
    const leave = () => live.stop();
    addEventListener('pagehide', leave);
    return () => {
      removeEventListener('pagehide', leave);
      live.stop();
    };
  }, [access, reload, scheduleReload]);

  useEffect(() => {
    if (data.loaded) reload();
  }, [filters]);

  // Effects run once the browser has painted what was rendered: the task table is on screen now.
  useEffect(() => {
    if (data.loaded && !performance.getEntriesByName('cascadence:first-useful-paint').length) {
      performance.mark('cascadence:first-useful-paint');
    }
  }, [data.loaded]);

  const onToken = (value) => {
    setToken(value);
    setProblem('');
    setTokenProblem('');
    setAccess(null);
    setTick((t) => t + 1);
  };

  const canControl = access === 'open' || access === 'token';
  const say = (text, ok) => setNotice({ text, ok, at: Date.now() });
  const context = useMemo(() => ({ canControl, say, reload, backend }), [canControl, reload, backend]);

  let body;
  if (access === 'locked') {
    body = <p class="note">Give an API token above to see the tasks.</p>;
  } else if (!data.loaded) {
    body = <p class="note">{problem ? 'Cannot load the tasks: ' + problem : 'Loading…'}</p>;
  } else if (where.page === 'run') {
    body = <RunPage id={where.id} context={context} />;
  } else if (where.page === 'task') {
    body = <TaskPage name={where.name} task={data.tasks.get(where.name)} schedule={data.schedules.get(where.name)}
      context={context} />;
  } else if (where.page === 'graph') {
    body = <GraphView tasks={data.tasks} context={context} />;
  } else {
    body = (
      <>
        <TasksView tasks={data.tasks} schedules={data.schedules} context={context} />
        <RunsList runs={data.runs} problem={data.runsProblem} filters={filters}
          setFilters={(f) => { location.hash = homeHash(f); }} tasks={data.tasks} context={context} />
      </>
    );
  }
  return (
    <>
      <header class="top">
        <h1><a href={homeHash(filters)}>Cascadence Dashboard</a></h1>
        <nav>
          <a href={homeHash(filters)} class={where.page === 'home' ? 'here' : ''}>Tasks and runs</a>
          <a href="#/graph" class={where.page === 'graph' ? 'here' : ''}>Task graph</a>
        </nav>
        <span class={'feed ' + (feed === 'live' ? 'live' : 'down')} data-feed={feed} title="The live feed, GET /events">
          {feed === 'live' ? 'live' : feed}
        </span>
      </header>
      <TokenBar access={access} problem={tokenProblem} onToken={onToken} />
      {problem && data.loaded && access !== 'locked' && <p class="error banner" role="alert">{problem}</p>}
      {wasLive.current && feed !== 'live' && access !== 'locked' && data.loaded && (
        <p class="banner stale" role="status">
          Not live: this is what Cascadence said until {time(heard.current)}, and it may have changed since. The
          page reloads by itself when the feed is back.
        </p>
      )}
      {notice && (
        <p class={'notice ' + (notice.ok ? 'ok' : 'error')} role={notice.ok ? 'status' : 'alert'} key={notice.at}>
          {notice.text} <button type="button" class="link" onClick={() => setNotice(null)}>dismiss</button>
        </p>
      )}
      <main>{body}</main>
    </>
  );
}

const root = document.getElementById('app');
root.textContent = '';
render(<App />, root);
