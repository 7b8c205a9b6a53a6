/**
 * `bulletin web`: start the loopback bridge, tell the user the address (with the token), and
 * keep serving until Ctrl+C or a stop signal; then close the server and the database cleanly.
 */
import path from 'node:path';
import { ApiError } from '../api/errors';
import { TOKEN_FRAGMENT } from '../api/transport';
import { dailyBackupDelay } from '../backup/create';
import { startBridge } from './http-server';

export interface WebStarted {
  url: string;
  port: number;
  token: string;
}

/** Signals that end the server: Ctrl+C, a service manager, or the console window being closed. */
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The bundle is dist/main/cli.cjs and the renderer dist/renderer; tests point elsewhere. */
export function defaultStaticDir(env: NodeJS.ProcessEnv): string {
  return env.BULLETIN_STATIC_DIR ? path.resolve(env.BULLETIN_STATIC_DIR) : path.join(__dirname, '..', 'renderer');
}

function parsePort(raw: unknown): number {
  if (raw === undefined) return 0;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 65535) return raw;
  throw new ApiError('INVALID_INPUT', '端口必须是 0 到 65535 之间的整数（0 表示自动选择）。');
}

/** The default browser; failure is harmless because the address is printed anyway. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = process.getBuiltinModule('node:child_process').spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no browser launcher on this machine
  }
}

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      for (const s of STOP_SIGNALS) process.off(s, stop);
      resolve(signal);
    };
    for (const s of STOP_SIGNALS) process.on(s, stop);
  });
}

/** What `bulletin web` needs from the door that starts it (the CLI passes its own context). */
export interface WebCommandContext {
  dbPath: string;
  json: boolean;
  stdout: (s: string) => void;
}

export async function runWeb(input: Record<string, unknown>, ctx: WebCommandContext, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const port = parsePort(input.port);
  const bridge = await startBridge({ dbPath: ctx.dbPath, port, staticDir: defaultStaticDir(env), dailyBackup: { delayMs: dailyBackupDelay(env) } });
  const address = `${bridge.url}#${TOKEN_FRAGMENT}=${bridge.token}`;
  if (ctx.json) {
    const started: WebStarted = { url: address, port: bridge.port, token: bridge.token };
    ctx.stdout(JSON.stringify(started));
  } else {
    ctx.stdout(
      [
        '编印台网页版已启动，只接受本机访问。请在浏览器中打开（地址中含访问令牌，请勿外传）：',
        'Bulletin Desk is serving on this PC only. Open this address (it carries the access token; keep it private):',
        '',
        `  ${address}`,
        '',
        `数据库 Database: ${ctx.dbPath}`,
        '按 Ctrl+C 停止 / Press Ctrl+C to stop.',
      ].join('\n'),
    );
  }
  // A program reading --json output wants the address, not a browser window.
  if (input.open ?? !ctx.json) openBrowser(address);
  await waitForStopSignal();
  await bridge.close();
  // Nothing to return: with --json the address line above stays the only JSON value printed.
}
