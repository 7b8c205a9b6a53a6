/** `bulletin submission pictures` and `bulletin series pictures` (issue 19): a draft's kept pictures, and whether a series prints them. */
import { sizeLabel } from '../../api/display';
import type { DraftPictureInfo, SeriesPictures } from '../../api/ops/pictures';
import { listText } from '../format';
import type { CommandSpec } from '../spec';

const pictureText = (p: DraftPictureInfo) =>
  `【图片${p.id}】第${p.position}张  ${p.contentType}  ${p.width && p.height ? `${p.width}×${p.height}  ` : ''}${sizeLabel(p.size)}  ${p.caption || '（无图片说明）'}${p.printable ? '' : '  （不能印入 Word 文件）'}`;

export const pictureCommands: readonly CommandSpec[] = [
  {
    path: ['submission', 'pictures'],
    op: 'submissionPictures',
    zh: '列出来稿所附的图片（原样保存）：编号、类型、像素、大小、图片说明；编号用于在正文中放图：【图片编号】图片说明',
    en: "List a draft's kept pictures; the number places one in an item's body as 【图片N】caption",
    positionals: [{ name: 'ID', key: 'id', type: 'int' }],
    print: (list: DraftPictureInfo[]) => listText(list, pictureText, '这份来稿没有图片。'),
    examples: ['bulletin submission pictures 12'],
  },
  {
    path: ['series', 'pictures'],
    op: 'seriesPicturesSet',
    zh: '设置刊物是否允许印发图片（默认不印）：--allow 印出正文中放入的图片及图片说明，--no-allow 不印',
    en: 'Let a series print placed pictures (--allow) or not (--no-allow, the default)',
    positionals: [{ name: 'SERIES', key: 'series', type: 'ref' }],
    options: [{ flag: 'allow', key: 'allow', type: 'bool', zh: '允许印发图片（--no-allow 不允许）', en: 'print pictures (--no-allow: do not)' }],
    print: (r: SeriesPictures) => `《${r.series}》${r.allowPictures ? '允许印发图片：导出的 Word 文件印出正文中放入的图片及图片说明。' : '不印图片：导出的 Word 文件不印图片及图片说明。'}`,
    examples: ['bulletin series pictures 城关县政务信息 --allow'],
  },
];
