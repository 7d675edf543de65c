import { useJamView } from '../../context';
import { SessionScreen } from './SessionScreen';
import { WelcomeScreen } from './WelcomeScreen';

interface Props {
  linkCode: string;
  query: string;
  onQuery(q: string): void;
}

export function JamSession({ linkCode, query, onQuery }: Props) {
  const view = useJamView();
  if (view.jam) return <SessionScreen jam={view.jam} query={query} onQuery={onQuery} />;
  if (view.conn.phase === 'reconnecting') {
    return (
      <section className="card center" role="status" data-testid="rejoining">
        Rejoining your jam…
      </section>
    );
  }
  return <WelcomeScreen linkCode={linkCode} />;
}
