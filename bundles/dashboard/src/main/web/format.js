// How times, durations and states read on the page. Times are shown in the browser's time zone, with the ISO-8601
// UTC instant the API gave as the element's title; a schedule's next fire time is shown in the schedule's own zone,
// which is written next to it.

export function duration(ms) {
  if (ms === null || ms === undefined || isNaN(ms)) return '';
  if (ms < 1000) return Math.round(ms) + ' ms';
  const s = ms / 1000;
  if (s < 60) return s.toFixed(s < 10 ? 2 : 1) + ' s';
  const m = Math.floor(s / 60);
  if (m < 60) return m + ' min ' + Math.round(s - m * 60) + ' s';
  const h = Math.floor(m / 60);
  return h + ' h ' + (m - h * 60) + ' min';
}

// Formatters are made once: toLocaleString() makes one per call, which costs more than drawing the row.
const TIME = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit',
});

const ZONED = new Map();

/**
 * An instant as a wall-clock time in an IANA time zone (a schedule's), with its weekday and date: 'Mon, Dec 7,
 * 9:00 AM' for a cron fire in Europe/Paris. A zone the browser does not know falls back to the browser's own.
 */
export function zoned(iso, zone) {
  if (!iso) return '';
  const date = new Date(iso);
  if (isNaN(date)) return iso;
  let format = ZONED.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(undefined, {
        weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: zone,
      });
    } catch (e) {
      return time(iso);
    }
    ZONED.set(zone, format);
  }
  return format.format(date);
}

export function time(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (isNaN(date)) return iso;
  const now = new Date();
  const sameDay = date.getFullYear() === now.getFullYear() && date.getMonth() === now.getMonth()
    && date.getDate() === now.getDate();
  return sameDay ? TIME.format(date) : DATE_TIME.format(date);
}

/** Milliseconds between two ISO instants, or null when either is missing. */
export function between(from, to) {
  if (!from || !to) return null;
  return Date.parse(to) - Date.parse(from);
}

/** The state a task is in, as the page names it: disabled, paused, running or idle. */
export function taskState(task) {
  if (task.disabled) return 'disabled';
  if (task.paused) return 'paused';
  if (task.running > 0) return 'running';
  return 'idle';
}

/**
 * Whether a name can be a registered task's (1 to 100 letters, digits, '.', '_' or '-', starting with a letter or
 * digit, as the API requires): a plan's steps run under names like 'fan-out/1' that have no task page.
 */
export function isTaskName(name) {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name || '');
}

/**
 * A run id as the page abbreviates it: its first 8 characters, and for a nested run its place under the run that
 * started it ('1ead3950….1' for a plan's first child), so that a child never reads as its parent.
 */
export function shortId(runId) {
  if (!runId) return '';
  const dot = runId.indexOf('.');
  return dot < 0 ? runId.slice(0, 8) : runId.slice(0, Math.min(8, dot)) + '…' + runId.slice(dot);
}

/** Names in the order a person expects: without regard to case, then as written. */
export function byName(a, b) {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
