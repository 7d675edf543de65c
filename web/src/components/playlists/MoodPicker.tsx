import { useEffect, useRef, useState } from 'react';
import { useServices } from '../../context';
import type { SoloQueue } from '../../lib/soloQueue';
import { JamError } from '../../lib/types';
import { listMoods, moodPlay, type Mood } from '../../net/api';

interface Props {
  onClose(): void;
  onPlay(q: SoloQueue): void;
}

/** The mood player's modal: pick a mood, the solo player plays its sequence (GET /api/mood-play). */
export function MoodPicker({ onClose, onPlay }: Props) {
  const { toasts } = useServices();
  const [moods, setMoods] = useState<Mood[] | null>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    listMoods()
      .then((r) => setMoods(r.moods))
      .catch((e: unknown) => {
        toasts.push({ kind: 'error', text: e instanceof JamError ? e.message : 'Moods could not be loaded.' });
        onClose();
      });
  }, [toasts, onClose]);

  useEffect(() => {
    dialog.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [moods]);

  async function pick(mood: Mood) {
    try {
      const r = await moodPlay(mood.id);
      if (r.songs.length === 0) {
        toasts.push({ kind: 'info', text: `No songs in the catalog fit “${mood.name}”.` });
        return;
      }
      onPlay({ label: `Mood: ${mood.name}`, songs: r.songs, index: 0 });
    } catch (e) {
      toasts.push({ kind: 'error', text: e instanceof JamError ? e.message : 'That mood could not be played.' });
    }
  }

  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        ref={dialog}
        className="modal card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="mood-title"
        data-testid="mood-modal"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id="mood-title" className="section-title">Play a mood</h2>
        {moods === null ? (
          <p className="muted">Loading…</p>
        ) : (
          <ul className="mood-list">
            {moods.map((m) => (
              <li key={m.id}>
                <button type="button" className="btn mood" onClick={() => void pick(m)} data-testid="mood" data-mood={m.id}>
                  <strong>{m.name}</strong>
                  <span className="muted small">{m.description}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
