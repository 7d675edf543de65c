import { useEffect, useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { useJamView, useServices } from '../../context';
import { errorMessage, welcomeReason } from '../../lib/errors';
import { JamError } from '../../lib/types';
import { normalizeCode, validateCode, validateName } from '../../lib/validation';
import { getJam, type JamSummary } from '../../net/api';

const NAME_KEY = 'jam.name';

function savedName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberName(n: string): void {
  try {
    localStorage.setItem(NAME_KEY, n.trim());
  } catch {
    /* storage blocked */
  }
}

type FieldProps = { id: string; label: string; error: string | null; testId: string } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id'
>;

/** A labelled input with its validation message under it, tied together for screen readers. */
function Field({ id, label, error, testId, ...input }: FieldProps) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...input}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-err` : undefined}
        data-testid={testId}
      />
      {error && (
        <p id={`${id}-err`} className="error-text" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

/** "Your name", the same in every form: up to 40 characters, the browser's nickname to fill it. */
function NameField(props: Omit<FieldProps, 'label'>) {
  return <Field label="Your name" maxLength={40} autoComplete="nickname" {...props} />;
}

/** Why the server refused the last join, if it did. */
function JoinError({ error }: { error: { code: string; message: string } | null }) {
  if (!error) return null;
  return (
    <p className="error-text" role="alert" data-testid="join-error">
      {errorMessage(error.code, error.message)}
    </p>
  );
}

/**
 * A join link (/?code=…) opens the join-first landing; anything else (or "start your own")
 * the welcome screen with both forms.
 */
export function WelcomeScreen({ linkCode }: { linkCode: string }) {
  const view = useJamView();
  const [landing, setLanding] = useState(linkCode !== '');
  if (landing && linkCode && !view.welcome) return <JoinLanding code={linkCode} onElsewhere={() => setLanding(false)} />;
  return <WelcomeForms linkCode={linkCode} />;
}

type Lookup = { state: 'loading' } | { state: 'found'; jam: JamSummary } | { state: 'missing' } | { state: 'unknown' };

/** "Join Ana's jam": what plays there, one name field (focused), Join. */
function JoinLanding({ code, onElsewhere }: { code: string; onElsewhere(): void }) {
  const { client } = useServices();
  const view = useJamView();
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' });
  const [name, setName] = useState(savedName);
  const [tried, setTried] = useState(false);
  const busy = view.conn.phase === 'joining';
  const nameId = useId();

  useEffect(() => {
    let live = true;
    getJam(code).then(
      (jam) => live && setLookup({ state: 'found', jam }),
      (e: unknown) => live && setLookup({ state: e instanceof JamError && e.code === 'NOT_FOUND' ? 'missing' : 'unknown' }),
    );
    return () => {
      live = false;
    };
  }, [code]);

  const nameErr = tried ? validateName(name) : null;
  const serverErr = view.joinError;

  function onJoin(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (validateName(name)) return;
    rememberName(name);
    client.join({ code, userName: name.trim() });
  }

  if (lookup.state === 'missing') {
    return (
      <div className="card landing" data-testid="join-landing" data-state="missing">
        <h1 className="landing-title" data-testid="landing-title">No jam with code {code}</h1>
        <p className="muted">It may have ended, or the code was mistyped. Ask for a new link, or start a jam of your own.</p>
        <button type="button" className="btn btn-primary" onClick={onElsewhere} data-testid="start-own">
          Enter a code or start a jam
        </button>
      </div>
    );
  }
  const jam = lookup.state === 'found' ? lookup.jam : null;
  return (
    <div className="card landing" data-testid="join-landing" data-state={lookup.state}>
      <p className="muted landing-kicker">You're invited to listen together</p>
      <h1 className="landing-title" data-testid="landing-title">{jam ? `Join ${jam.hostName}'s jam` : 'Join the jam'}</h1>
      {jam && (
        <p className="muted" data-testid="landing-playing">
          {jam.nowPlaying ? (
            <>
              Playing <strong>{jam.nowPlaying.title}</strong> by {jam.nowPlaying.artist}
            </>
          ) : (
            'Nothing playing yet'
          )}{' '}
          · {jam.participantCount} {jam.participantCount === 1 ? 'person' : 'people'}
        </p>
      )}
      <form className="form" onSubmit={onJoin} noValidate data-testid="join-form">
        <NameField
          id={nameId}
          error={nameErr}
          testId="join-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoFocus
          enterKeyHint="go"
        />
        <JoinError error={serverErr} />
        <button type="submit" className="btn btn-primary btn-big" disabled={busy} data-testid="join-submit">
          {busy ? 'Joining…' : 'Join'}
        </button>
      </form>
      <p className="muted small landing-foot">
        Jam code <strong className="session-code-small" data-testid="landing-code">{code}</strong> ·{' '}
        <button type="button" className="linklike" onClick={onElsewhere} data-testid="start-own">
          Start your own jam instead
        </button>
      </p>
    </div>
  );
}

/** Create a jam with your name, or join one with its code and your name. */
function WelcomeForms({ linkCode }: { linkCode: string }) {
  const { client } = useServices();
  const view = useJamView();
  const busy = view.conn.phase === 'joining';
  const [createName, setCreateName] = useState(savedName);
  const [joinName, setJoinName] = useState(savedName);
  const [code, setCode] = useState(view.welcome?.code || linkCode);
  const [createTried, setCreateTried] = useState(false);
  const [joinTried, setJoinTried] = useState(false);
  const [creating, setCreating] = useState(false);

  // A fallback from a failed resume prefills the code it was in.
  useEffect(() => {
    if (view.welcome?.code) setCode(view.welcome.code);
  }, [view.welcome?.code]);

  const createErr = createTried ? validateName(createName) : null;
  const joinNameErr = joinTried ? validateName(joinName) : null;
  const codeErr = joinTried ? validateCode(code) : null;

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    setCreateTried(true);
    if (validateName(createName)) return;
    rememberName(createName);
    setCreating(true);
    try {
      await client.create(createName.trim());
    } finally {
      setCreating(false);
    }
  }

  function onJoin(e: FormEvent) {
    e.preventDefault();
    setJoinTried(true);
    if (validateName(joinName) || validateCode(code)) return;
    rememberName(joinName);
    client.join({ code: normalizeCode(code), userName: joinName.trim() });
  }

  const ids = { cn: useId(), jc: useId(), jn: useId() };
  const serverErr = view.joinError;

  return (
    <div className="welcome" data-testid="welcome-screen">
      <h1 className="welcome-title">Listen together</h1>
      <p className="muted">Start a jam and share the code, or join a friend's jam. Everyone hears the same second of the same song.</p>
      {view.welcome && (
        <p className="banner" role="status" data-testid="welcome-reason">
          {welcomeReason(view.welcome.reason)}
        </p>
      )}
      <div className="welcome-forms">
        <form className="card form" onSubmit={onCreate} noValidate aria-labelledby="create-title" data-testid="create-form">
          <h2 id="create-title" className="section-title">Start a jam</h2>
          <NameField
            id={ids.cn}
            error={createErr}
            testId="create-name"
            value={createName}
            onChange={(e) => setCreateName(e.target.value)}
            onBlur={() => createName && setCreateTried(true)}
          />
          <button type="submit" className="btn btn-primary" disabled={creating || busy} data-testid="create-submit">
            {creating ? 'Starting…' : 'Start a jam'}
          </button>
        </form>

        <form className="card form" onSubmit={onJoin} noValidate aria-labelledby="join-title" data-testid="join-form">
          <h2 id="join-title" className="section-title">Join a jam</h2>
          <Field
            id={ids.jc}
            label="Jam code"
            error={codeErr}
            testId="join-code"
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            onBlur={() => code && setJoinTried(true)}
            maxLength={6}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            className="code-input"
            placeholder="ABC123"
          />
          <NameField
            id={ids.jn}
            error={joinNameErr}
            testId="join-name"
            value={joinName}
            onChange={(e) => setJoinName(e.target.value)}
          />
          <JoinError error={serverErr} />
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="join-submit">
            {busy ? 'Joining…' : 'Join'}
          </button>
        </form>
      </div>
    </div>
  );
}
