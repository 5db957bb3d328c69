// The live feed: GET /events (server-sent events of the event bus), read with fetch rather than EventSource so the
// API token can go in the Authorization header. It reconnects by itself (1 s, doubling to 15 s), and tells the page
// when it has (re)connected or fell behind, so that the page reloads what it shows instead of trusting a gap.

import { useEffect, useState } from 'preact/hooks';
import { get, headers } from './api.js';

/** The window event by which the page hands each batch of feed events to whatever view listens. */
export const FEED_EVENTS = 'cascadence:events';

const MAX_BACKOFF_MS = 15000;

/**
 * Follows the feed until `stop()` is called.
 * @param {object} on handlers: events(list of {type, data}) for each batch read, open() once connected (again),
 *   lagged(dropped) when the server dropped events for this page, state(text) with 'live', 'connecting' or an error
 * @returns {{stop: function}}
 */
export function follow(on) {
  let stopped = false;
  let controller = null;
  let backoff = 1000;

  async function connect() {
    while (!stopped) {
      controller = new AbortController();
      on.state('connecting');
      try {
        const response = await fetch('/events', {
          headers: headers({ Accept: 'text/event-stream' }),
          cache: 'no-store',
          signal: controller.signal,
        });
        if (!response.ok || !response.body) {
          throw new Error('GET /events answered ' + response.status);
        }
        await read(response.body.getReader());
        if (!stopped) on.state('the live feed ended; reconnecting');
      } catch (e) {
        if (stopped) return;
        // fetch() rejects with a TypeError when nothing answers ('Failed to fetch'): say what that means here.
        on.state(e instanceof TypeError ? 'Cascadence cannot be reached; reconnecting'
          : 'live feed lost (' + e.message + '); reconnecting');
      }
      await new Promise((resolve) => setTimeout(resolve, backoff));
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    }
  }

  async function read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    let type = 'message';
    let data = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      const batch = [];
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        let line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if (line === '') {
          if (data.length) batch.push({ type, text: data.join('\n') });
          type = 'message';
          data = [];
        } else if (line.startsWith(':')) {
          // a keep-alive comment
        } else {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let rest = colon < 0 ? '' : line.slice(colon + 1);
          if (rest.startsWith(' ')) rest = rest.slice(1);
          if (field === 'event') type = rest;
          else if (field === 'data') data.push(rest);
        }
      }
      const events = [];
      for (const message of batch) {
        let parsed = null;
        try {
          parsed = JSON.parse(message.text);
        } catch (e) {
          continue;
        }
        if (message.type === 'hello') {
          backoff = 1000;
          on.state('live');
          on.open();
        } else if (message.type === 'lagged') {
          on.lagged(parsed && parsed.dropped);
        } else {
          events.push({ type: message.type, data: parsed });
        }
      }
      if (events.length) on.events(events);
    }
  }

  connect();
  return {
    stop() {
      stopped = true;
      if (controller) controller.abort();
    },
  };
}

/**
 * A view's data: GET `path`, then again whenever the feed brings an event `matches` accepts, at most once per
 * `delayMs`. Returns [the answer or null until it comes, the API's refusal message or ''].
 */
export function useLive(path, matches, delayMs) {
  // The answer is kept with the path it answers, so that another path (a second task's page in the same tab)
  // shows nothing of the first while its own answer comes; an answer for a path left behind is dropped.
  const [state, setState] = useState({ path: null, value: null, problem: '' });
  useEffect(() => {
    let current = true;
    let timer = 0;
    const load = () => get(path)
      .then((value) => { if (current) setState({ path, value, problem: '' }); })
      .catch((e) => {
        if (current) setState((s) => ({ path, value: s.path === path ? s.value : null, problem: e.message }));
      });
    load();
    const onEvents = (e) => {
      if (!timer && e.detail.some((ev) => ev.data && matches(ev))) {
        timer = setTimeout(() => { timer = 0; load(); }, delayMs);
      }
    };
    addEventListener(FEED_EVENTS, onEvents);
    return () => {
      current = false;
      removeEventListener(FEED_EVENTS, onEvents);
      clearTimeout(timer);
    };
  }, [path]);
  return state.path === path ? [state.value, state.problem] : [null, ''];
}
