/** Runs the `bulletin` command in-process (same code as the binary) and captures its output. */
import { runCli } from '../../src-main/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json: () => unknown;
}

export async function cli(dbFile: string, ...args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', dbFile, ...args], {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    env: {},
  });
  const stdout = out.join('\n');
  return { code, stdout, stderr: err.join('\n'), json: () => JSON.parse(stdout) };
}
