import { useEffect, useId, useState, type FormEvent } from 'react';
import { useServices } from '../../context';
import type { JamState } from '../../lib/jamState';
import type { Settings } from '../../lib/types';
import { validateSettings } from '../../lib/validation';

/** Host only: every setting of PROTOCOL §6, and ending the jam. */
export function SettingsPanel({ jam }: { jam: JamState }) {
  const { client, toasts } = useServices();
  const [draft, setDraft] = useState<Settings>(jam.settings);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const id = useId();

  useEffect(() => {
    if (!dirty) setDraft(jam.settings);
  }, [jam.settings, dirty]);

  const errors = validateSettings(draft);
  const invalid = Object.keys(errors).length > 0;

  function set<K extends keyof Settings>(k: K, v: Settings[K]) {
    setDraft((d) => ({ ...d, [k]: v }));
    setDirty(true);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (invalid) return;
    const patch: Partial<Settings> = {};
    for (const k of Object.keys(draft) as (keyof Settings)[]) {
      if (draft[k] !== jam.settings[k]) (patch as Record<string, unknown>)[k] = draft[k];
    }
    if (Object.keys(patch).length === 0) {
      setDirty(false);
      return;
    }
    setSaving(true);
    try {
      await client.updateSettings(patch);
      toasts.push({ kind: 'info', text: 'Settings saved' });
      setDirty(false);
    } catch {
      /* toast shown by the client */
    } finally {
      setSaving(false);
    }
  }

  const check = (k: 'allowVoting' | 'autoPlay' | 'autofill' | 'guestsControlPlayback' | 'listed', label: string) => (
    <label className="check">
      <input type="checkbox" checked={draft[k]} onChange={(e) => set(k, e.target.checked)} data-testid={`setting-${k}`} />
      {label}
    </label>
  );

  const num = (k: 'maxQueueSize' | 'maxParticipants' | 'skipThreshold', label: string, step: number) => (
    <div className="field">
      <label htmlFor={`${id}-${k}`}>{label}</label>
      <input
        id={`${id}-${k}`}
        type="number"
        step={step}
        value={Number.isFinite(draft[k]) ? draft[k] : ''}
        onChange={(e) => set(k, e.target.value === '' ? NaN : Number(e.target.value))}
        aria-invalid={!!errors[k]}
        aria-describedby={errors[k] ? `${id}-${k}-err` : undefined}
        data-testid={`setting-${k}`}
      />
      {errors[k] && (
        <p id={`${id}-${k}-err`} className="error-text small">
          {errors[k]}
        </p>
      )}
    </div>
  );

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <details data-testid="settings-panel">
        <summary id={`${id}-title`} className="section-title">
          Host settings
        </summary>
        <form className="form settings" onSubmit={save} noValidate>
          {check('allowVoting', 'Allow voting')}
          {check('autoPlay', 'Play the next song automatically')}
          {check('autofill', 'Autofill from recommendations')}
          {check('guestsControlPlayback', 'Guests may play, pause and seek')}
          {check('listed', 'List this jam publicly')}
          {num('maxQueueSize', 'Queue size (1–200)', 1)}
          {num('skipThreshold', 'Share of the room needed to skip (0–1)', 0.05)}
          {num('maxParticipants', 'Max participants (2–500)', 1)}
          <div className="row">
            <button type="submit" className="btn btn-primary" disabled={!dirty || invalid || saving} data-testid="save-settings">
              {saving ? 'Saving…' : 'Save settings'}
            </button>
            {dirty && (
              <button type="button" className="btn" onClick={() => { setDraft(jam.settings); setDirty(false); }}>
                Reset
              </button>
            )}
          </div>
        </form>
        <hr />
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => {
            if (window.confirm('End the jam for everyone?')) void client.endSession().catch(() => undefined);
          }}
          data-testid="end-jam"
        >
          End jam for everyone
        </button>
      </details>
    </section>
  );
}
