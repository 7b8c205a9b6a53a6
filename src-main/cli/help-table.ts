/** Build-time only: the help table scripts/build.mjs writes to dist/main/cli-help.json (see fast-help.ts). */
import { SCHEMA_VERSION } from '../store/migrations';
import { COMMANDS } from './commands';
import { helpTable } from './help';
import { VERSION } from './main';

export const table = helpTable(COMMANDS, VERSION, SCHEMA_VERSION);
