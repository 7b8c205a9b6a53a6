/** Commands that are not one API call: a new database, the demo and browser mode. */
import type { CommandSpec } from '../spec';
import { describeDemo, runDemo, type DemoResult } from '../../demo/run';
import { runWeb } from '../../bridge/web-command';
import { initDatabase, type InitResult } from '../../store/init';

export const appCommands: readonly CommandSpec[] = [
  {
    path: ['init'],
    zh: '新建数据库：在给定位置建立一个空的编印台数据库（文件夹不存在时一并建立；已有文件不会被覆盖）',
    en: 'Create a new, empty database at PATH (making its folder; an existing file is never overwritten)',
    positionals: [{ name: 'PATH', key: 'path', type: 'string' }],
    run: (input) => Promise.resolve(initDatabase(String(input.path))),
    print: (r: InitResult) => `已新建数据库：${r.path}（数据版本 ${r.schemaVersion}）。之后用 --db ${r.path} 或 BULLETIN_DB 使用它。`,
    examples: ['bulletin init D:\\信息科\\bulletin.db', 'bulletin init ~/编印台/2027.db'],
  },
  {
    path: ['demo'],
    zh: '生成演示：在输出文件夹新建数据库，填入一个虚构县的单位和信息，编排、签发一期并导出 Word 文件',
    en: 'Make a demo: a fresh database with a fictional county, one issue signed and written as Word',
    options: [{ flag: 'out', key: 'out', type: 'string', value: 'DIR', zh: '输出文件夹，默认 ./demo-output', en: 'output folder (default ./demo-output)' }],
    run: (input) => runDemo(typeof input.out === 'string' ? input.out : 'demo-output'),
    print: (r: DemoResult) => describeDemo(r),
    examples: ['bulletin demo', 'bulletin demo --out D:\\演示'],
  },
  {
    path: ['web'],
    zh: '网页版：在本机 127.0.0.1 上启动编印台，打印带访问令牌的地址，在浏览器中使用；按 Ctrl+C 停止',
    en: 'Browser mode: serve the app on 127.0.0.1 and print its address with the access token; Ctrl+C stops',
    options: [
      { flag: 'port', key: 'port', type: 'int', value: 'N', zh: '端口，默认自动选择一个空闲端口', en: 'port (default: any free port)' },
      { flag: 'open', key: 'open', type: 'bool', zh: '自动用默认浏览器打开（默认打开；--no-open 不打开）', en: 'open the default browser (default; --no-open: do not)' },
    ],
    run: (input, ctx) => runWeb(input, ctx),
    print: () => '编印台网页版已停止，数据库已关闭。/ Stopped; the database is closed.',
    examples: ['bulletin web', 'bulletin web --port 8610 --no-open', 'bulletin --json web --no-open'],
  },
];
