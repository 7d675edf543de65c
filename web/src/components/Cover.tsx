import { artUrl } from '../lib/share';

/** A song's cover (PROTOCOL §9): decorative, the title beside it says what it is. */
export function Cover({ songId, size = 44, className = '' }: { songId: string; size?: number; className?: string }) {
  return (
    <img
      className={`cover ${className}`}
      src={artUrl(songId)}
      width={size}
      height={size}
      alt=""
      loading="lazy"
      decoding="async"
      data-testid="cover"
    />
  );
}
