import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useServices } from '../../context';
import type { JamState } from '../../lib/jamState';
import { describeMood, describeRule, genresText, minutesOf, msOfMinutes, parseGenres, settingsPatch, type RuleKey } from '../../lib/partyRules';
import type { Settings } from '../../lib/types';
import { validateSettings } from '../../lib/validation';
import { useMoods } from '../useMoods';

type Check = 'allowVoting' | 'autoPlay' | 'autofill' | 'guestsControlPlayback' | 'listed' | 'guestsCanAdd' | 'fairQueue' | 'reactions';
type Errors = ReturnType<typeof validateSettings>;

/** A number typed into a field: NaN while empty (the form then says what it needs). */
const typed = (raw: string) => (raw === '' ? NaN : Number(raw));

/** Host only: every setting of PROTOCOL §6, the party rules of §11–§12 and the mood of §13, and ending the jam. */
export function SettingsPanel({ jam }: { jam: JamState }) {
  const { client, toasts } = useServices();
  const [draft, setDraft] = useState<Settings>(jam.settings);
  // The genres as typed (commas, spaces), kept apart from the parsed list the draft holds.
  const [genres, setGenres] = useState(() => genresText(jam.settings.blockedGenres));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const moods = useMoods();
  const id = useId();

  useEffect(() => {
    if (dirty) return;
    setDraft(jam.settings);
    setGenres(genresText(jam.settings.blockedGenres));
  }, [jam.settings, dirty]);

  const errors: Errors = validateSettings(draft);
  const invalid = Object.keys(errors).length > 0;

  function set<K extends keyof Settings>(k: K, v: Settings[K]) {
    setDraft((d) => ({ ...d, [k]: v }));
    setDirty(true);
  }

  function reset() {
    setDraft(jam.settings);
    setGenres(genresText(jam.settings.blockedGenres));
    setDirty(false);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (invalid) return;
    const patch = settingsPatch(draft, jam.settings);
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

  /** A rule's sentence as the draft stands (under its field), or what is wrong with the field. */
  const note = (k: string, rule?: RuleKey) => {
    const error = (errors as Record<string, string | undefined>)[k];
    if (error) return { text: error, error: true };
    return rule ? { text: describeRule(rule, draft), error: false } : null;
  };

  const noteFor = (k: string, n: { text: string; error: boolean } | null) =>
    n && (
      <p id={`${id}-${k}-note`} className={n.error ? 'error-text small' : 'muted small field-note'} data-testid={`setting-${k}-note`}>
        {n.text}
      </p>
    );

  const check = (k: Check, label: string, rule?: RuleKey) => {
    const n = rule ? note(k, rule) : null;
    return (
      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={draft[k]}
            onChange={(e) => set(k, e.target.checked)}
            aria-describedby={n ? `${id}-${k}-note` : undefined}
            data-testid={`setting-${k}`}
          />
          {label}
        </label>
        {noteFor(k, n)}
      </div>
    );
  };

  const field = (k: keyof Errors, label: string, input: (props: InputProps) => ReactNode, rule?: RuleKey) => {
    const n = note(k, rule);
    return (
      <div className="field">
        <label htmlFor={`${id}-${k}`}>{label}</label>
        {input({
          id: `${id}-${k}`,
          'aria-invalid': !!errors[k],
          'aria-describedby': n ? `${id}-${k}-note` : undefined,
          'data-testid': `setting-${k}`,
        })}
        {noteFor(k, n)}
      </div>
    );
  };

  const num = (k: 'maxQueueSize' | 'maxParticipants' | 'skipThreshold' | 'maxSongsPerPerson' | 'skipMaxVotes', label: string, step: number, rule?: RuleKey) =>
    field(
      k,
      label,
      (p) => <input {...p} type="number" step={step} value={Number.isFinite(draft[k]) ? draft[k] : ''} onChange={(e) => set(k, typed(e.target.value))} />,
      rule,
    );

  // Until the moods arrive, the jam's own mood stands for itself so the select can show it.
  const moodOptions = moods ?? (draft.mood ? [{ id: draft.mood, name: draft.mood }] : []);

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
          <div className="field">
            <label htmlFor={`${id}-mood`}>Mood</label>
            <select
              id={`${id}-mood`}
              value={draft.mood ?? ''}
              onChange={(e) => set('mood', e.target.value === '' ? null : e.target.value)}
              aria-describedby={`${id}-mood-note`}
              data-testid="setting-mood"
            >
              <option value="">None</option>
              {moodOptions.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
            {noteFor('mood', { text: describeMood(draft.mood, moods), error: false })}
          </div>
          {check('guestsControlPlayback', 'Guests may play, pause and seek')}
          {check('listed', 'List this jam publicly')}
          {num('maxQueueSize', 'Queue size (1–200)', 1)}
          {num('skipThreshold', 'Share of the room needed to skip (0–1)', 0.05)}
          {num('skipMaxVotes', 'Most skip votes ever needed (0 = no cap)', 1, 'skipMaxVotes')}
          {num('maxParticipants', 'Max participants (2–500)', 1)}
          <fieldset className="rules" data-testid="party-rules">
            <legend className="sub-title">Party rules</legend>
            {check('guestsCanAdd', 'Guests can add songs', 'guestsCanAdd')}
            {num('maxSongsPerPerson', 'Songs waiting per person (0 = no limit)', 1, 'maxSongsPerPerson')}
            {field(
              'maxSongDurationMs',
              'Longest song, in minutes (0 = no limit)',
              (p) => (
                <input
                  {...p}
                  type="number"
                  step={0.5}
                  min={0}
                  value={Number.isFinite(draft.maxSongDurationMs) ? minutesOf(draft.maxSongDurationMs) : ''}
                  onChange={(e) => set('maxSongDurationMs', msOfMinutes(typed(e.target.value)))}
                />
              ),
              'maxSongDurationMs',
            )}
            {field(
              'blockedGenres',
              'Blocked genres, separated by commas',
              (p) => (
                <input
                  {...p}
                  type="text"
                  placeholder="e.g. Metal, Punk"
                  value={genres}
                  onChange={(e) => {
                    setGenres(e.target.value);
                    set('blockedGenres', parseGenres(e.target.value));
                  }}
                />
              ),
              'blockedGenres',
            )}
            {check('fairQueue', 'Fair queue: take turns by who added', 'fairQueue')}
            {check('reactions', 'Allow reactions', 'reactions')}
          </fieldset>
          <div className="row">
            <button type="submit" className="btn btn-primary" disabled={!dirty || invalid || saving} data-testid="save-settings">
              {saving ? 'Saving…' : 'Save settings'}
            </button>
            {dirty && (
              <button type="button" className="btn" onClick={reset}>
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

interface InputProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  'data-testid': string;
}
