/**
 * The security settings shared by the Electron shell and the loopback HTTP bridge. No Electron
 * import here, so the bridge, the CLI and the tests can use these without the Electron binary.
 */

/**
 * Settings for the one window. The renderer is an ordinary web page: it reaches the database
 * only through the preload's `window.bulletin`, so it needs no Node, no webview and no way to
 * weaken web security. `preload` is added by main.ts, which knows where the bundle lies.
 */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  // A file dropped on the window would otherwise replace the app with that file.
  navigateOnDragDrop: false,
  // Chromium's spellchecker downloads dictionaries from Google: the PC is offline and the text official.
  spellcheck: false,
} as const;

/**
 * Only the app's own scripts and styles. Mantine writes inline styles, so style-src needs
 * 'unsafe-inline'; nothing needs eval or any remote host. Downloads in browser mode use blob: URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers that go with every page and file either door serves. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The desktop window's origin: a privileged custom scheme served from dist/renderer (see main.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bulletin';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Whether an IPC message comes from a page of the app itself. Compared by scheme and host
 * because Node's URL gives every non-special scheme (like app:) the opaque origin "null".
 * Anything unparsable, empty, or carrying credentials is refused.
 */
export function isAllowedSender(url: string, appOrigin: string = APP_ORIGIN): boolean {
  let sender: URL;
  let app: URL;
  try {
    sender = new URL(url);
    app = new URL(appOrigin);
  } catch {
    return false;
  }
  if (sender.username || sender.password || !app.host) return false;
  return sender.protocol === app.protocol && sender.host === app.host;
}
