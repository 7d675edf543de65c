// Which address to put in the QR code and the copied join link. A page opened on the laptop's
// own localhost would hand out a link no phone can open; the server knows one it can (GET
// /api/config, PROTOCOL §9) and that one is used then.

const LOOPBACK = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/** The origin of join links: the server's join URL when this page is on loopback, else this page's. */
export function shareOrigin(location: { origin: string; hostname: string }, joinUrl: string | null): string {
  return joinUrl && isLoopbackHost(location.hostname) ? joinUrl : location.origin;
}

/** Cover art of a song (PROTOCOL §9): its embedded picture, or a cover drawn for its album. */
export function artUrl(songId: string): string {
  return `/api/songs/${encodeURIComponent(songId)}/art`;
}
