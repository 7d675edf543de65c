import type { Theme } from '../theme';

/** The topbar button that switches between the light and the dark theme. */
export function ThemeToggle({ theme, onTheme }: { theme: Theme; onTheme(t: Theme): void }) {
  const nextTheme: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
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
  );
}
