import { scaleOf, sparkPath } from '../../lib/sparkline';

export interface SparkSeries {
  values: (number | null)[];
  /** CSS class of the stroke (colour); the first series is drawn strongest. */
  className?: string;
}

interface Props {
  series: SparkSeries[];
  capacity: number;
  /** What a screen reader hears instead of the picture. */
  label: string;
  testId?: string;
  minSpan?: number;
}

const W = 120;
const H = 36;

/** A small line chart of the last samples, drawn as inline SVG; the newest value on the right. */
export function Sparkline({ series, capacity, label, testId, minSpan }: Props) {
  const scale = scaleOf(
    series.map((s) => s.values),
    { minSpan },
  );
  const opts = { width: W, height: H, capacity, pad: 3 };
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      <title>{label}</title>
      <line className="spark-base" x1={0} x2={W} y1={H - 3} y2={H - 3} vectorEffect="non-scaling-stroke" />
      {series.map((s, i) => (
        <path
          key={i}
          className={`spark-line ${s.className ?? ''}`}
          d={sparkPath(s.values, opts, scale)}
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  );
}
