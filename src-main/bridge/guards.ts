/**
 * Who may talk to the bridge. Any program or web page on this PC can reach 127.0.0.1, so each
 * request must prove it comes from the page we served (same origin, right Host) and, for the
 * API, that it holds this run's token.
 */
import crypto from 'node:crypto';
import type http from 'node:http';

export function newToken(): string {
  return crypto.randomBytes(32).toString('hex');
}

/** Constant-time: hashing first makes both sides the same length whatever was sent. */
export function tokenMatches(sent: string | string[] | undefined, token: string): boolean {
  if (typeof sent !== 'string' || sent.length === 0) return false;
  const a = crypto.createHash('sha256').update(sent).digest();
  const b = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(a, b);
}

function allowedHosts(port: number): string[] {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  // Browsers leave out the default port.
  return port === 80 ? [...hosts, '127.0.0.1', 'localhost'] : hosts;
}

/**
 * A page on some other site whose DNS name is made to point at 127.0.0.1 (DNS rebinding)
 * still sends its own name in Host; only our two spellings of the loopback address pass.
 */
export function hostAllowed(req: http.IncomingMessage, port: number): boolean {
  const host = req.headers.host?.toLowerCase();
  return host !== undefined && allowedHosts(port).includes(host);
}

/** Browsers name the page that made a request; any page but ours is refused. */
export function originAllowed(req: http.IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}

/**
 * For the API only: browsers that send Sec-Fetch-Site say whether another site started the
 * request, even where Origin is left out. Opening the printed address by hand is "none".
 */
export function fetchSiteAllowed(req: http.IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function isJson(req: http.IncomingMessage): boolean {
  const type = req.headers['content-type'];
  if (typeof type !== 'string') return false;
  const [mime, ...params] = type.split(';').map((p) => p.trim().toLowerCase());
  return mime === 'application/json' && params.every((p) => !p.startsWith('charset=') || p === 'charset=utf-8');
}
