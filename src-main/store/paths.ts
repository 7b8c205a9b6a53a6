/**
 * Where the desktop app keeps its data, computed without Electron so the CLI and tests agree
 * with it: Electron's app.getPath('userData') is %APPDATA%\<name> on Windows,
 * ~/Library/Application Support/<name> on macOS and $XDG_CONFIG_HOME/<name> elsewhere.
 */
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'bulletin-desk';
export const DB_FILE_NAME = 'bulletin.db';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME || env.USERPROFILE || os.homedir();
  if (platform === 'win32') {
    const base = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(base, APP_DIR_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(config, APP_DIR_NAME);
}

/** The database file: `--db PATH` first, then BULLETIN_DB, then the data folder. */
export function resolveDbPath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (explicit) return path.resolve(explicit);
  if (env.BULLETIN_DB) return path.resolve(env.BULLETIN_DB);
  const dir = defaultDataDir(env, platform);
  return platform === 'win32' ? path.win32.join(dir, DB_FILE_NAME) : path.join(dir, DB_FILE_NAME);
}
