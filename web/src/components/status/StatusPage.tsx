import { useEffect, useState, useSyncExternalStore, type FormEvent, type ReactNode } from 'react';
import { describeSeries, formatCount, formatMs, formatRate, DASH } from '../../lib/statusFormat';
import { series, type NumericKey, type SampleWindow, type StatusPoint } from '../../lib/statusSamples';
import { fetchStatus } from '../../net/api';
import { POLL_INTERVAL_MS, StatusPoller, type StatusView } from '../../net/statusPoller';
import { applyTheme, initialTheme, type Theme } from '../../theme';
import { ThemeToggle } from '../ThemeToggle';
import { Sparkline, type SparkSeries } from './Sparkline';

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * /status: live numbers for whoever runs the server. Jam totals are cluster-wide; connections,
 * messages and broadcast latency are those of the gateway that answers.
 */
export function StatusPage() {
  const [poller] = useState(() => new StatusPoller({ fetch: fetchStatus, storage: safeSessionStorage() }));
  const view = useSyncExternalStore(poller.subscribe, poller.getView);
  const [theme, setTheme] = useState<Theme>(initialTheme);

  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    const title = document.title;
    document.title = 'Server status · Jam Session';
    return () => {
      document.title = title;
    };
  }, []);

  // Polls while the tab is visible; a hidden tab asks the server nothing.
  useEffect(() => {
    const onVisibility = () => (document.hidden ? poller.stop(true) : poller.start());
    if (!document.hidden) poller.start();
    else poller.stop(true);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      poller.stop();
    };
  }, [poller]);

  const last = view.window.points.at(-1) ?? null;

  return (
    <div className="app status-page" data-testid="status-page" data-phase={view.phase} data-samples={view.window.points.length}>
      <header className="topbar">
        <a className="brand" href="/" aria-label="Jam Session: back to the app">
          <span aria-hidden="true">♫</span> Jam&nbsp;Session
        </a>
        <h1 className="status-h1">Server status</h1>
        <div className="topbar-actions">
          <PhaseBadge view={view} />
          <ThemeToggle theme={theme} onTheme={setTheme} />
        </div>
      </header>
      <main className="main status-main" id="main">
        {view.phase === 'needs-token' && <TokenForm rejected={view.tokenRejected} onToken={(t) => poller.setToken(t)} />}
        {(view.phase === 'error' || view.phase === 'rate-limited') && view.message && (
          <p className="banner" role="alert" data-testid="status-error">
            {view.message}. {last ? 'The numbers below are from the last answer; ' : ''}retrying.
          </p>
        )}
        <p className="muted small status-meta">
          {last ? (
            <>
              Updated <time dateTime={new Date(last.at).toISOString()} data-testid="status-updated">{new Date(last.at).toLocaleTimeString()}</time>{' '}
              (server time), every {POLL_INTERVAL_MS / 1000} s.
            </>
          ) : view.phase === 'loading' ? (
            'Loading…'
          ) : null}
          {view.hasToken && view.phase !== 'needs-token' && (
            <>
              {' '}
              <button type="button" className="linklike" onClick={() => poller.forgetToken()} data-testid="status-forget-token">
                Forget the token
              </button>
            </>
          )}
        </p>
        {last && last.jams === null && (
          <p className="notice" role="status" data-testid="status-no-jams">
            Jam totals are unavailable right now: the session service did not answer.
          </p>
        )}
        {(last || view.phase !== 'needs-token') && <Metrics w={view.window} last={last} />}
      </main>
    </div>
  );
}

function PhaseBadge({ view }: { view: StatusView }) {
  const text: Record<StatusView['phase'], string> = {
    loading: 'Loading…',
    live: 'Live',
    paused: 'Paused',
    'needs-token': 'Token needed',
    'rate-limited': 'Rate limited',
    error: 'Retrying…',
  };
  const ok = view.phase === 'live';
  return (
    <span className={`badge ${ok ? 'badge-ok' : 'badge-warn'}`} role="status" data-testid="status-phase">
      {ok && <span className="live-dot" aria-hidden="true" />}
      {text[view.phase]}
    </span>
  );
}

function TokenForm({ rejected, onToken }: { rejected: boolean; onToken(t: string): void }) {
  const [token, setToken] = useState('');
  const [empty, setEmpty] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!token.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    onToken(token);
    setToken('');
  }
  return (
    <form className="card form token-form" onSubmit={submit} aria-labelledby="token-title" data-testid="status-token-form" noValidate>
      <h2 id="token-title" className="section-title">
        Admin token needed
      </h2>
      <p className="muted small">
        This server shows its status to its operators only. Enter the <code>ADMIN_TOKEN</code> it runs with; it is
        kept for this tab only.
      </p>
      {rejected && (
        <p className="error-text" role="alert" data-testid="status-token-rejected">
          That token was refused. Check it and try again.
        </p>
      )}
      <label htmlFor="status-token">Admin token</label>
      <div className="token-row">
        <input
          id="status-token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-invalid={empty || rejected}
          aria-describedby={empty ? 'status-token-empty' : undefined}
          data-testid="status-token"
        />
        <button type="submit" className="btn btn-primary" data-testid="status-token-submit">
          Show status
        </button>
      </div>
      {empty && (
        <p id="status-token-empty" className="error-text">
          Enter the token.
        </p>
      )}
    </form>
  );
}

function Metrics({ w, last }: { w: SampleWindow; last: StatusPoint | null }) {
  const span = w.points.length > 1 ? w.points.at(-1)!.at - w.points[0].at : 0;
  const v = (k: NumericKey) => (last ? (last[k] as number | null) : null);
  const s = (k: NumericKey, className?: string): SparkSeries => ({ values: series(w, k), className });
  const measuring = w.points.length < 2 ? 'measuring…' : null;
  /** One number, counted now, and its history. */
  const count = (id: string, label: string, key: NumericKey, sub: string, wide?: boolean) => (
    <Metric
      id={id}
      wide={wide}
      label={label}
      value={<span data-testid={`status-${id}`}>{formatCount(v(key))}</span>}
      sub={sub}
      chart={[s(key)]}
      describe={describeSeries(label, series(w, key), span)}
      w={w}
    />
  );
  /** Messages in or out: the rate now, the total since the gateway started underneath. */
  const messageRate = (dir: 'in' | 'out', rate: NumericKey, total: NumericKey) => (
    <Metric
      id={`rate-${dir}`}
      label={`Messages ${dir}`}
      value={
        <>
          <span data-testid={`status-rate-${dir}`}>{formatRate(v(rate))}</span>
          <span className="metric-unit"> /s</span>
        </>
      }
      sub={measuring ?? `${formatCount(v(total))} since start`}
      chart={[s(rate)]}
      describe={describeSeries(`Messages ${dir} per second`, series(w, rate), span, formatRate)}
      w={w}
    />
  );

  return (
    <>
      <section className="status-group" aria-labelledby="group-jams">
        <h2 id="group-jams" className="status-group-title">
          Jams <span className="muted">· whole cluster</span>
        </h2>
        <div className="status-grid">
          {count('jams', 'Active jams', 'jams', 'open now')}
          <Metric
            id="participants"
            label="Participants"
            value={
              <>
                <span data-testid="status-connected">{formatCount(v('connectedParticipants'))}</span>
                <span className="metric-of"> / </span>
                <span data-testid="status-participants">{formatCount(v('participants'))}</span>
              </>
            }
            sub="connected / in jams"
            chart={[s('connectedParticipants'), s('participants', 'spark-2')]}
            describe={describeSeries('Connected participants', series(w, 'connectedParticipants'), span)}
            w={w}
          />
          {count('queued', 'Queued songs', 'queuedSongs', 'in all queues')}
          {count('playing', 'Playing jams', 'playingJams', 'with a song current')}
        </div>
      </section>
      <section className="status-group" aria-labelledby="group-gateway">
        <h2 id="group-gateway" className="status-group-title">
          This gateway
        </h2>
        <div className="status-grid">
          {count('connections', 'Connections', 'connections', 'open WebSockets', true)}
          {messageRate('in', 'inPerSec', 'messagesIn')}
          {messageRate('out', 'outPerSec', 'messagesOut')}
          <Metric
            id="latency"
            wide
            label="Broadcast latency"
            value={
              <dl className="percentiles">
                <div>
                  <dt>p50</dt>
                  <dd data-testid="status-p50">{formatMs(v('p50'))}</dd>
                </div>
                <div>
                  <dt>p95</dt>
                  <dd data-testid="status-p95">{formatMs(v('p95'))}</dd>
                </div>
                <div>
                  <dt>p99</dt>
                  <dd data-testid="status-p99">{formatMs(v('p99'))}</dd>
                </div>
              </dl>
            }
            sub={
              <>
                <span data-testid="status-latency-count">{formatCount(v('latencyCount'))}</span> events
                {v('broadcastsPerSec') !== null ? `, ${formatRate(v('broadcastsPerSec'))}/s` : ''}
              </>
            }
            hint="Recent percentiles of the time from this gateway receiving a command to the event it caused being written to the sockets."
            chart={[s('p50', 'spark-3'), s('p95'), s('p99', 'spark-2')]}
            legend={[
              ['p50', 'spark-3'],
              ['p95', ''],
              ['p99', 'spark-2'],
            ]}
            describe={describeSeries('Broadcast latency p95', series(w, 'p95'), span, formatMs)}
            w={w}
          />
        </div>
      </section>
    </>
  );
}

interface MetricProps {
  id: string;
  label: string;
  value: ReactNode;
  sub: ReactNode;
  chart: SparkSeries[];
  describe: string;
  w: SampleWindow;
  wide?: boolean;
  legend?: [string, string][];
  /** What the number means, when the label alone does not say. */
  hint?: string;
}

function Metric({ id, label, value, sub, chart, describe, w, wide, legend, hint }: MetricProps) {
  const labelId = `metric-${id}-label`;
  const hintId = hint ? `metric-${id}-hint` : undefined;
  return (
    <section
      className={`card metric${wide ? ' metric-wide' : ''}`}
      aria-labelledby={labelId}
      aria-describedby={hintId}
      data-testid={`metric-${id}`}
    >
      <h3 id={labelId} className="metric-label" title={hint}>
        {label}
      </h3>
      {hint && (
        <p id={hintId} className="visually-hidden">
          {hint}
        </p>
      )}
      <div className="metric-value">{value ?? DASH}</div>
      <p className="metric-sub muted small">{sub}</p>
      <Sparkline series={chart} capacity={w.capacity} label={describe} testId={`spark-${id}`} />
      {legend && (
        <p className="spark-legend small muted" aria-hidden="true">
          {legend.map(([name, cls]) => (
            <span key={name}>
              <span className={`legend-swatch ${cls}`} /> {name}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
