// How times, durations and states read on the page. Times are shown in the browser's time zone, with the ISO-8601
// UTC instant the API gave as the element's title.

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
