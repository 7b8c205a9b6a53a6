/**
 * Environment for a LibreOffice child process: our fontconfig file, which maps the office fonts
 * (仿宋_GB2312, 方正小标宋简体 …) to the Noto CJK faces, so the PDF looks like what offices see.
 */
import { fileURLToPath } from 'node:url';

export const FONTS_CONF = fileURLToPath(new URL('../../assets/fontconfig/fonts.conf', import.meta.url));

export function loEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, FONTCONFIG_FILE: FONTS_CONF };
}
