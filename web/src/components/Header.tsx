import type { View } from '../App';
import type { Theme } from '../theme';

interface Props {
  query: string;
  onQuery(q: string): void;
  view: View;
  onView(v: View): void;
  theme: Theme;
  onTheme(t: Theme): void;
  reconnecting: boolean;
  jamCode: string | null;
}

export function Header({ query, onQuery, view, onView, theme, onTheme, reconnecting, jamCode }: Props) {
  const nextTheme: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <header className="topbar">
      <button type="button" className="brand" onClick={() => onView('normal')} aria-label="Jam Session: browse songs">
        <span aria-hidden="true">♫</span> Jam&nbsp;Session
      </button>
      <SearchBar query={query} onQuery={onQuery} />
      <div className="topbar-actions">
        {reconnecting && (
          <span className="badge badge-warn" role="status" data-testid="reconnecting-badge">
            Reconnecting…
          </span>
        )}
        <button
          type="button"
          className={view === 'jam' ? 'btn btn-primary' : 'btn'}
          aria-pressed={view === 'jam'}
          data-testid="jam-button"
          onClick={() => onView(view === 'jam' ? 'normal' : 'jam')}
        >
          {jamCode ? `Jam ${jamCode}` : 'Jam Session'}
        </button>
        <button
          type="button"
          className="btn btn-icon"
          data-testid="theme-toggle"
          aria-label={`Switch to ${nextTheme} theme`}
          title={`Switch to ${nextTheme} theme`}
          onClick={() => onTheme(nextTheme)}
        >
          <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
        </button>
      </div>
    </header>
  );
}

function SearchBar({ query, onQuery }: { query: string; onQuery(q: string): void }) {
  return (
    <form className="searchbar" role="search" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor="header-search" className="visually-hidden">
        Search songs
      </label>
      <input
        id="header-search"
        type="search"
        placeholder="Search songs, artists, albums"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        data-testid="header-search"
        autoComplete="off"
      />
    </form>
  );
}
