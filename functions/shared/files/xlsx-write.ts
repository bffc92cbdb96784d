/**
 * Workbooks the API hands out: the upload template of a record kind (core/records/template.ts)
 * and exported tables (core/domain/export-table.ts). Both are written in memory; they are small.
 */
import ExcelJS from 'exceljs';
import { cellOf, type ExportTable, exportCell } from '#core/domain/export-table';
import type { UploadTemplate } from '#core/records/template';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows of the template sheet that get the drop-downs; more rows can be pasted below and still read. */
const TEMPLATE_ROWS = 500;
const LISTS_SHEET = 'daftar';

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function newWorkbook(created: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SINERGI';
  workbook.created = created;
  workbook.modified = created;
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The template: headers with notes (required columns in bold, marked "wajib"), one example row,
 * text format on every non-numeric column (codes keep their leading zeros), drop-downs for the
 * columns with choices, and a `daftar` sheet with the districts the district drop-down lists.
 */
export async function writeTemplateXlsx(
  template: UploadTemplate,
  districts: readonly { code: string; name: string }[],
  created: Date,
): Promise<Uint8Array> {
  const workbook = newWorkbook(created);
  const sheet = workbook.addWorksheet(template.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = workbook.addWorksheet(LISTS_SHEET);
  lists.addRow(['Kode BPS', 'Kabupaten/Kota']);
  for (const d of districts) lists.addRow([d.code, d.name]);
  lists.getColumn(1).numFmt = '@';
  lists.getColumn(2).width = 28;
  const districtRange = `${LISTS_SHEET}!$A$2:$A$${districts.length + 1}`;

  sheet.columns = template.columns.map((c) => ({
    key: c.field,
    width: Math.max(14, c.header.length + 4),
    style: typeof c.example === 'number' ? {} : { numFmt: '@' },
  }));
  const header = sheet.getRow(1);
  template.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: c.required };
    cell.note = `${c.required ? 'Wajib' : 'Opsional'}. ${c.note}`.trim();
  });
  sheet.addRow(template.columns.map((c) => (c.example === '' ? null : c.example)));

  template.columns.forEach((c, i) => {
    if (c.choices === undefined) return;
    const formula = c.choices === 'districts' ? districtRange : `"${c.choices.join(',')}"`;
    const letter = columnLetter(i);
    for (let row = 2; row <= TEMPLATE_ROWS + 1; row++) {
      sheet.getCell(`${letter}${row}`).dataValidation = {
        type: 'list',
        allowBlank: !c.required,
        formulae: [formula],
        showErrorMessage: true,
        errorTitle: c.header,
        error: 'Pilih salah satu isian dari daftar',
      };
    }
  });
  return bytesOf(workbook);
}

/** One sheet per table; every text cell neutralised against formulas. */
export async function writeTablesXlsx(tables: readonly ExportTable[], created: Date): Promise<Uint8Array> {
  const workbook = newWorkbook(created);
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31));
    sheet.addRow(table.columns.map((c) => exportCell(c.header)));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(table.columns.map((c) => cellOf(row, c.key)));
    table.columns.forEach((c, i) => {
      sheet.getColumn(i + 1).width = Math.max(10, c.header.length + 2);
    });
  }
  return bytesOf(workbook);
}
