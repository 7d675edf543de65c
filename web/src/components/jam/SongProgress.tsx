import { formatTime } from '../../format';

/** How far the song is, for those who do not control it (the seek bar is the controller's). */
export function SongProgress({ shownMs, durationMs, testId = 'progress' }: { shownMs: number; durationMs: number; testId?: string }) {
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label="Song progress"
      aria-valuemin={0}
      aria-valuemax={Math.round(durationMs / 1000)}
      aria-valuenow={Math.round(shownMs / 1000)}
      aria-valuetext={`${formatTime(shownMs)} of ${formatTime(durationMs)}`}
      data-testid={testId}
    >
      <div className="progress-fill" style={{ width: `${durationMs ? (100 * shownMs) / durationMs : 0}%` }} />
    </div>
  );
}
