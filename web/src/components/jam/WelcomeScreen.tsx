import { useEffect, useId, useState, type FormEvent } from 'react';
import { useJamView, useServices } from '../../context';
import { errorMessage, welcomeReason } from '../../lib/errors';
import { normalizeCode, validateCode, validateName } from '../../lib/validation';

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

/** Create a jam with your name, or join one with its code and your name. */
export function WelcomeScreen({ linkCode }: { linkCode: string }) {
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
          <label htmlFor={ids.cn}>Your name</label>
          <input
            id={ids.cn}
            value={createName}
            onChange={(e) => setCreateName(e.target.value)}
            onBlur={() => createName && setCreateTried(true)}
            maxLength={40}
            autoComplete="nickname"
            aria-invalid={!!createErr}
            aria-describedby={createErr ? `${ids.cn}-err` : undefined}
            data-testid="create-name"
          />
          {createErr && (
            <p id={`${ids.cn}-err`} className="error-text" data-testid="create-name-error">
              {createErr}
            </p>
          )}
          <button type="submit" className="btn btn-primary" disabled={creating || busy} data-testid="create-submit">
            {creating ? 'Starting…' : 'Start a jam'}
          </button>
        </form>

        <form className="card form" onSubmit={onJoin} noValidate aria-labelledby="join-title" data-testid="join-form">
          <h2 id="join-title" className="section-title">Join a jam</h2>
          <label htmlFor={ids.jc}>Jam code</label>
          <input
            id={ids.jc}
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            onBlur={() => code && setJoinTried(true)}
            maxLength={6}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            className="code-input"
            placeholder="ABC123"
            aria-invalid={!!codeErr}
            aria-describedby={codeErr ? `${ids.jc}-err` : undefined}
            data-testid="join-code"
          />
          {codeErr && (
            <p id={`${ids.jc}-err`} className="error-text" data-testid="join-code-error">
              {codeErr}
            </p>
          )}
          <label htmlFor={ids.jn}>Your name</label>
          <input
            id={ids.jn}
            value={joinName}
            onChange={(e) => setJoinName(e.target.value)}
            maxLength={40}
            autoComplete="nickname"
            aria-invalid={!!joinNameErr}
            aria-describedby={joinNameErr ? `${ids.jn}-err` : undefined}
            data-testid="join-name"
          />
          {joinNameErr && (
            <p id={`${ids.jn}-err`} className="error-text" data-testid="join-name-error">
              {joinNameErr}
            </p>
          )}
          {serverErr && (
            <p className="error-text" role="alert" data-testid="join-error">
              {errorMessage(serverErr.code, serverErr.message)}
            </p>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="join-submit">
            {busy ? 'Joining…' : 'Join'}
          </button>
        </form>
      </div>
    </div>
  );
}
