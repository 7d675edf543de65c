// Inline SVG sparklines: a series (nulls are gaps) to the `d` of a <path>. Framework-free.

export interface SparkOptions {
  width: number;
  height: number;
  /** Slots across the width; the newest value sits at the right edge, so the line grows leftwards. */
  capacity: number;
  /** The bottom of the scale (default 0: counts and rates start at zero). */
  min?: number;
  /** The top of the scale; default the series' max, at least `minSpan` above `min`. */
  max?: number;
  minSpan?: number;
  /** Keeps the stroke inside the box. */
  pad?: number;
}

export interface Scale {
  min: number;
  max: number;
}

/** The vertical scale of one or more series drawn in the same box. */
export function scaleOf(all: (number | null)[][], opts: Pick<SparkOptions, 'min' | 'max' | 'minSpan'> = {}): Scale {
  const vs = all.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const min = opts.min ?? (vs.length ? Math.min(0, ...vs) : 0);
  const top = opts.max ?? (vs.length ? Math.max(...vs) : min);
  return { min, max: Math.max(top, min + (opts.minSpan ?? 1)) };
}

const r = (v: number) => Math.round(v * 10) / 10;

/** The path of a series: `M` starts each run of values, `L` continues it; a lone value is a dot. */
export function sparkPath(values: (number | null)[], opts: SparkOptions, scale: Scale = scaleOf([values], opts)): string {
  const { width, height } = opts;
  const pad = opts.pad ?? 2;
  const slots = Math.max(2, opts.capacity);
  const n = Math.min(values.length, slots);
  const shown = values.slice(values.length - n);
  const step = width / (slots - 1);
  const span = scale.max - scale.min || 1;
  const y = (v: number) => {
    const clamped = Math.min(scale.max, Math.max(scale.min, v));
    return height - pad - ((clamped - scale.min) / span) * (height - 2 * pad);
  };
  const parts: string[] = [];
  let open = false;
  shown.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      open = false;
      return;
    }
    const x = width - (n - 1 - i) * step;
    const next = shown[i + 1];
    const alone = !open && (next === undefined || next === null || !Number.isFinite(next));
    if (alone) {
      // A single value between gaps: a short flat stroke so it is visible.
      parts.push(`M${r(Math.max(0, x - 1.5))} ${r(y(v))}L${r(x)} ${r(y(v))}`);
    } else {
      parts.push(`${open ? 'L' : 'M'}${r(x)} ${r(y(v))}`);
    }
    open = !alone;
  });
  return parts.join('');
}
