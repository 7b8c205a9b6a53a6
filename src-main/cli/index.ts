/** The program proper of the `bulletin` command (bundled to dist/main/cli-main.cjs; launcher.ts, dist/main/cli.cjs, loads it). */
import { runCli } from './main';

const io = {
  stdout: (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  stderr: (s: string) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  env: process.env,
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`程序内部错误：${String(e)}\n`);
    process.exitCode = 1;
  },
);
