// Numbers of the status page in words and figures. Framework-free.

const counts = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

export const DASH = '—';

export function formatCount(n: number | null): string {
  return n === null ? DASH : counts.format(n);
}

/** A rate per second: one decimal below 100, whole numbers above. */
export function formatRate(r: number | null): string {
  if (r === null) return DASH;
  if (r === 0) return '0';
  return r < 100 ? r.toFixed(1) : counts.format(Math.round(r));
}

/** Milliseconds: one decimal below 100 ms, whole numbers above. */
export function formatMs(v: number | null): string {
  if (v === null) return DASH;
  return v < 100 ? `${v.toFixed(1)} ms` : `${counts.format(Math.round(v))} ms`;
}

/** "46 s", "2 min": how much time a window of samples spans. */
export function formatSpan(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return `${s} s`;
  return `${Math.round(s / 60)} min`;
}

/** What a chart shows, for a screen reader: its range over the window and the latest value. */
export function describeSeries(
  what: string,
  values: (number | null)[],
  spanMs: number,
  fmt: (v: number | null) => string = formatCount,
): string {
  const vs = values.filter((v): v is number => v !== null);
  if (vs.length === 0) return `${what}: no data yet`;
  const last = values.at(-1) ?? null;
  const lo = Math.min(...vs);
  const hi = Math.max(...vs);
  const over = `over the last ${formatSpan(spanMs)}`;
  const now = `now ${fmt(last)}`;
  return lo === hi ? `${what} ${over}: steady at ${fmt(lo)}, ${now}` : `${what} ${over}: between ${fmt(lo)} and ${fmt(hi)}, ${now}`;
}
