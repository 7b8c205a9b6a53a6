/**
 * Issue 19, pasting from a spreadsheet: the clipboard's HTML as Excel, WPS and LibreOffice Calc
 * write it (unquoted attributes, conditional comments, <style> in the head, &nbsp;, <br> in a
 * cell, colspan/rowspan for merged cells), and the tab-separated text beside it (quoted cells
 * with tabs, newlines and ""). A title row and a 单位： row at the top become caption and unit.
 */
import { describe, expect, it } from 'vitest';
import { tableFromClipboard, tableFromHtml, tableFromTsv, tsvRows } from '../src-main/api/clipboard-table';

/** What Excel 2016 puts on the clipboard for A1:D7 of a sheet with a merged title row and a unit row. */
const EXCEL = `Version:1.0
StartHTML:000000250
<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<link id=Main-File rel=Main-File
href="file:///C:/Users/ADMINI~1/AppData/Local/Temp/msohtmlclip1/01/clip.htm">
<style>
<!--table
	{mso-displayed-decimal-separator:"\\.";
	mso-displayed-thousand-separator:"\\,";}
td
	{padding-top:1px;
	color:black;
	font-family:等线;}
.xl65
	{text-align:center;}
-->
</style>
</head>

<body link="#0563C1" vlink="#954F72">

<table border=0 cellpadding=0 cellspacing=0 width=380 style='border-collapse:
 collapse;width:285pt'>
<!--StartFragment-->
 <col width=164 style='mso-width-source:userset;width:123pt'>
 <col width=72 span=3 style='width:54pt'>
 <tr height=19 style='height:14.25pt'>
  <td colspan=4 height=19 class=xl65 width=380 style='height:14.25pt;
  width:285pt'>2026年前三季度主要经济指标</td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 style='height:14.25pt'></td>
  <td></td>
  <td></td>
  <td align=right>单位：亿元</td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td rowspan=2 height=38 class=xl65 style='height:28.5pt'>指标</td>
  <td colspan=2 class=xl65 style='border-left:none'>前三季度</td>
  <td rowspan=2 class=xl65>备注</td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 class=xl65 style='height:14.25pt'>数值</td>
  <td class=xl65>增长（%）</td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 style='height:14.25pt'>地区生产总值</td>
  <td align=right>120.5</td>
  <td align=right>5.2</td>
  <td>&nbsp;</td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 style='height:14.25pt'>规模以上工业<br>
    增加值</td>
  <td align=right>36.8</td>
  <td align=right>7.4</td>
  <td>R&amp;D&#x4E2D;</td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 style='height:14.25pt'>一般公共预算收入</td>
  <td align=right>8.3</td>
  <td align=right>-1.2</td>
  <td>&lt;含税&gt;</td>
 </tr>
<!--EndFragment-->
</table>

</body>

</html>`;

/** What WPS 表格 writes: quoted attributes, x:str / x:num, its own classes, no fragment markers. */
const WPS = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
 <head>
  <meta http-equiv="Content-type" content="text/html;charset=utf-8" />
  <meta name="ProgId" content="Excel.Sheet"/>
  <meta name="Generator" content="WPS Office ET"/>
  <style>
<!--
.et2 { color:#000000; font-size:11.0pt; font-family:宋体; mso-generic-font-family:auto; }
-->
  </style>
  <!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>Sheet1</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->
 </head>
 <body link="blue" vlink="purple">
  <table width="288" border="0" cellpadding="0" cellspacing="0" style='width:216.00pt;border-collapse:collapse;table-layout:fixed;'>
   <col width="72" span="4" style='width:54.00pt;'/>
   <tr height="18" style='height:13.50pt;'>
    <td class="et2" height="18" width="72" style='height:13.50pt;width:54.00pt;' x:str>镇街</td>
    <td class="et2" width="72" style='width:54.00pt;' x:str>来稿</td>
    <td class="et2" width="72" style='width:54.00pt;' x:str>采用</td>
    <td class="et2" width="72" style='width:54.00pt;' x:str>得分</td>
   </tr>
   <tr height="18" style='height:13.50pt;'>
    <td class="et2" height="18" style='height:13.50pt;' x:str>城关镇</td>
    <td class="et2" x:num>12</td>
    <td class="et2" x:num>5</td>
    <td class="et2" x:num="37.5">37.5</td>
   </tr>
   <tr height="18" style='height:13.50pt;'>
    <td class="et2" height="18" style='height:13.50pt;' x:str>东关街道</td>
    <td class="et2" x:num>8</td>
    <td class="et2" x:num>3</td>
    <td class="et2" x:num="21">21</td>
   </tr>
  </table>
 </body>
</html>`;

/** LibreOffice Calc: <colgroup>, <font> inside cells, sdval/sdnum attributes. */
const CALC = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title>
<style type="text/css">body,div,table,thead,tbody,tfoot,tr,th,td,p { font-family:"Liberation Sans"; font-size:x-small }</style></head>
<body>
<table cellspacing="0" border="0">
	<colgroup width="85"></colgroup>
	<colgroup span="2" width="64"></colgroup>
	<tr>
		<td height="17" align="left"><font face="Noto Sans CJK SC">项目</font></td>
		<td align="left"><font face="Noto Sans CJK SC">计划</font></td>
		<td align="left"><font face="Noto Sans CJK SC">完成</font></td>
	</tr>
	<tr>
		<td height="17" align="left"><font face="Noto Sans CJK SC">道路</font></td>
		<td align="right" sdval="12" sdnum="2052;">12</td>
		<td align="right" sdval="10" sdnum="2052;">10</td>
	</tr>
</table>
</body></html>`;

describe('clipboard HTML', () => {
  it('reads Excel: title row → caption, 单位 row → unit, merged header cells → merges, <br> and entities', () => {
    const t = tableFromHtml(EXCEL)!;
    expect(t.caption).toBe('2026年前三季度主要经济指标');
    expect(t.unit).toBe('单位：亿元');
    expect(t.headerRows).toBe(2);
    expect(t.rows).toEqual([
      ['指标', '前三季度', '', '备注'],
      ['', '数值', '增长（%）', ''],
      ['地区生产总值', '120.5', '5.2', ''],
      ['规模以上工业 增加值', '36.8', '7.4', 'R&D中'],
      ['一般公共预算收入', '8.3', '-1.2', '<含税>'],
    ]);
    expect(t.merges).toEqual([
      { row: 0, col: 0, rows: 2, cols: 1 },
      { row: 0, col: 1, rows: 1, cols: 2 },
      { row: 0, col: 3, rows: 2, cols: 1 },
    ]);
  });

  it('reads WPS and LibreOffice Calc', () => {
    const w = tableFromHtml(WPS)!;
    expect(w.rows).toEqual([
      ['镇街', '来稿', '采用', '得分'],
      ['城关镇', '12', '5', '37.5'],
      ['东关街道', '8', '3', '21'],
    ]);
    expect(w).toMatchObject({ caption: '', unit: '', headerRows: 1, merges: [] });
    const c = tableFromHtml(CALC)!;
    expect(c.rows).toEqual([
      ['项目', '计划', '完成'],
      ['道路', '12', '10'],
    ]);
  });

  it('takes <th> rows as the header, the first table only, and says null where there is no table', () => {
    const html = '<table><tr><th>甲</th><th>乙</th></tr><tr><th>丙</th><th>丁</th></tr><tr><td>1</td><td><table><tr><td>内</td><td>层</td></tr></table></td></tr></table><table><tr><td>第二张</td></tr></table>';
    const t = tableFromHtml(html)!;
    expect(t.headerRows).toBe(2);
    expect(t.rows).toEqual([
      ['甲', '乙'],
      ['丙', '丁'],
      ['1', '内 层'],
    ]);
    expect(tableFromHtml('<p>只是一段文字</p>')).toBeNull();
    expect(tableFromHtml('<table><tr><td> </td></tr></table>')).toBeNull();
    // a span past the table's end is cut at its edge
    expect(tableFromHtml('<table><tr><td rowspan=9>a</td><td>b</td></tr><tr><td>c</td></tr></table>')!.merges).toEqual([{ row: 0, col: 0, rows: 2, cols: 1 }]);
  });
});

describe('clipboard text', () => {
  it('reads tab-separated rows with quoted cells', () => {
    expect(tsvRows('a\t"b\tc"\t"say ""hi"""\r\n"two\nlines"\tx\t\r\n')).toEqual([
      ['a', 'b\tc', 'say "hi"'],
      ['two\nlines', 'x', ''],
    ]);
    const t = tableFromTsv('指标\t数值\n地区生产总值\t120.5\n税收\t"8.3"\n')!;
    expect(t.rows).toEqual([
      ['指标', '数值'],
      ['地区生产总值', '120.5'],
      ['税收', '8.3'],
    ]);
    expect(t.headerRows).toBe(1);
  });

  it('leaves text that is not a table as text', () => {
    expect(tableFromTsv('一、总体情况\n今年以来，\t全县……')).toBeNull();
    expect(tableFromTsv('没有制表符的两行\n文字')).toBeNull();
    expect(tableFromClipboard('', '普通文字')).toBeNull();
  });

  it('prefers the HTML (it knows the merges) and falls back to the tabs', () => {
    const tsv = '2026年前三季度主要经济指标\t\t\t\n\t\t\t单位：亿元\n指标\t前三季度\t\t备注\n';
    expect(tableFromClipboard(EXCEL, tsv)!.merges).toHaveLength(3);
    expect(tableFromClipboard('<b>no table</b>', 'a\tb\nc\td')!.rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
