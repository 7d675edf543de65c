import type { View } from '../App';
import type { Theme } from '../theme';
import { SearchInput } from './SearchInput';
import { ThemeToggle } from './ThemeToggle';

interface Props {
  query: string;
  onQuery(q: string): void;
  view: View;
  onView(v: View): void;
  theme: Theme;
  onTheme(t: Theme): void;
  reconnecting: boolean;
  jamCode: string | null;
  onMood(): void;
}

export function Header({ query, onQuery, view, onView, theme, onTheme, reconnecting, jamCode, onMood }: Props) {
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
        <button type="button" className="btn" onClick={onMood} data-testid="mood-button" aria-haspopup="dialog">
          Mood
        </button>
        <button
          type="button"
          className={view === 'jam' ? 'btn btn-primary' : 'btn'}
          aria-pressed={view === 'jam'}
          data-testid="jam-button"
          onClick={() => onView(view === 'jam' ? 'normal' : 'jam')}
        >
          {jamCode ? `Jam ${jamCode}` : 'Jam Session'}
        </button>
        <ThemeToggle theme={theme} onTheme={onTheme} />
      </div>
    </header>
  );
}

function SearchBar({ query, onQuery }: { query: string; onQuery(q: string): void }) {
  return (
    <form className="searchbar" role="search" onSubmit={(e) => e.preventDefault()}>
      <SearchInput
        id="header-search"
        label="Search songs"
        placeholder="Search songs, artists, albums"
        testId="header-search"
        query={query}
        onQuery={onQuery}
      />
    </form>
  );
}
