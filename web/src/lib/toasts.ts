// A tiny toast store: push, auto-dismiss, subscribe. Framework-free.

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
  code?: string;
}

type Listener = () => void;

export class ToastStore {
  private items: Toast[] = [];
  private nextId = 1;
  private listeners = new Set<Listener>();

  constructor(private readonly max = 5) {}

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getItems = (): Toast[] => this.items;

  push(t: Omit<Toast, 'id'>, ttlMs = t.kind === 'error' ? 6000 : 3000): number {
    // The same sentence twice in a row is shown once.
    const last = this.items[this.items.length - 1];
    if (last && last.text === t.text && last.kind === t.kind) return last.id;
    const toast: Toast = { ...t, id: this.nextId++ };
    this.items = [...this.items, toast].slice(-this.max);
    this.emit();
    if (ttlMs > 0) setTimeout(() => this.dismiss(toast.id), ttlMs);
    return toast.id;
  }

  dismiss(id: number): void {
    const next = this.items.filter((t) => t.id !== id);
    if (next.length !== this.items.length) {
      this.items = next;
      this.emit();
    }
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
