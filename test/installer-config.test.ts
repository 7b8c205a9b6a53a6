/**
 * The installers cannot be built here (electron-builder downloads Electron and NSIS), so their
 * configuration is checked instead: electron-builder's own schema validation, the settings the
 * office relies on, and every file the configuration names.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..');
const require = createRequire(import.meta.url);
// js-yaml comes with electron-builder (no types installed): only load() is used.
const yaml = require('js-yaml') as { load: (text: string) => unknown };

interface Target {
  target: string;
  arch: string[];
}
type Config = Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  publish: unknown;
  directories: { output: string; buildResources: string };
  win: { target: Target[]; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: Target[]; icon: string; category: string };
};

const config = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** electron-builder's own check, the one `npm run dist` runs first. */
async function validate(cfg: unknown): Promise<void> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    validateConfiguration: (c: unknown, log: { isEnabled: boolean; add: () => void }) => Promise<void>;
  };
  await validateConfiguration(cfg, { isEnabled: false, add: () => {} });
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema, which does catch a misspelled option", async () => {
    await expect(validate(config)).resolves.toBeUndefined();
    await expect(validate({ ...config, nsis: { ...config.nsis, oneClik: false } })).rejects.toThrow(/Invalid configuration object[\s\S]*configuration\.nsis/);
  });

  it('Windows: an offline NSIS installer in Simplified Chinese, per user, with a choice of folder and shortcuts', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]); // not nsis-web, which downloads
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
      unicode: true,
    });
    expect(config.nsis.createDesktopShortcut).toBeTruthy();
    expect(config.nsis.installerLanguages).toContain('zh_CN');
    expect(config.nsis.language).toBe('2052');
    expect(config.publish).toBeNull(); // no update server: nothing is fetched at run time
  });

  it('Linux: AppImage and deb, each for x64 and arm64', () => {
    const byTarget = Object.fromEntries(config.linux.target.map((t) => [t.target, [...t.arch].sort()]));
    expect(byTarget).toEqual({ AppImage: ['arm64', 'x64'], deb: ['arm64', 'x64'] });
    expect(config.linux.category).toBe('Office');
  });

  it('rebuilds better-sqlite3 for Electron and keeps it outside the asar archive', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*');
    expect(Object.keys(pkg.dependencies)).toContain('better-sqlite3');
    // electron-builder refuses electron among the app's runtime dependencies
    expect(Object.keys(pkg.dependencies)).not.toContain('electron');
    expect(Object.keys(pkg.devDependencies)).toContain('electron');
  });

  it('packs the built app, and every file it names exists', () => {
    expect(config.files).toContain('dist/**/*');
    expect(config.files).toContain('package.json');
    expect(fs.statSync(path.join(ROOT, config.directories.buildResources)).isDirectory()).toBe(true);
    for (const icon of [config.win.icon, config.linux.icon]) expect(fs.existsSync(path.join(ROOT, icon)), icon).toBe(true);
    // the main entry and what it loads, as `npm run build` leaves them (global setup builds)
    expect(pkg.main).toBe('dist/main/electron-main.cjs');
    for (const f of [pkg.main, 'dist/main/preload.cjs', 'dist/renderer/index.html']) expect(fs.existsSync(path.join(ROOT, f)), f).toBe(true);
  });

  it('the icon is a 512×512 PNG', () => {
    const png = fs.readFileSync(path.join(ROOT, 'assets', 'icon.png'));
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('is built by npm run dist, and the security check by npm run security', () => {
    expect(pkg.scripts.dist).toMatch(/npm run build && electron-builder/);
    expect(pkg.scripts.dist).toMatch(/--publish never/);
    expect(pkg.scripts.security).toBe('node scripts/electronegativity.mjs');
    expect(fs.existsSync(path.join(ROOT, 'scripts', 'electronegativity.mjs'))).toBe(true);
  });
});
