import { useSyncExternalStore } from 'react';
import { useServices } from '../context';

export function Toasts() {
  const { toasts } = useServices();
  const items = useSyncExternalStore(toasts.subscribe, toasts.getItems);
  return (
    <div className="toasts" aria-live="polite" aria-relevant="additions" data-testid="toasts">
      {items.map((t) => (
        <div
          key={t.id}
          className={`toast toast-${t.kind}`}
          role={t.kind === 'error' ? 'alert' : 'status'}
          data-testid="toast"
          data-kind={t.kind}
          data-code={t.code ?? ''}
        >
          <span className="toast-text">{t.text}</span>
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => toasts.dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
