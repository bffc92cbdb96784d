/**
 * The upload templates as a user gets them: written by exceljs, read back by the same reader and
 * parser an upload goes through. The example row must be accepted as it stands, every header must
 * map to its field, and the drop-downs must offer what the parser reads.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_KINDS, templateDistricts, uploadTemplate } from '#core/records/template';
import { isKnownDistrict } from '#core/reference/districts';
import { readRecordFile } from '#functions/shared/files/records';
import { writeTemplateXlsx } from '#functions/shared/files/xlsx-write';

const AS_OF = '2026-12-01';

async function template(kind: (typeof TEMPLATE_KINDS)[number]) {
  const spec = uploadTemplate(kind, { ownerId: 'E-CONTOH', asOf: AS_OF });
  const bytes = await writeTemplateXlsx(spec, templateDistricts(), new Date(`${AS_OF}T00:00:00Z`));
  return { spec, bytes };
}

describe.each(TEMPLATE_KINDS)('the %s upload template', (kind) => {
  it('is read back by the upload reader with its example row accepted', async () => {
    const { bytes } = await template(kind);
    const result = await readRecordFile(kind, Readable.from([Buffer.from(bytes)]), {
      format: 'xlsx',
      file: 'templat.xlsx',
      isKnownDistrict,
    });
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.records).toHaveLength(1);
    const record = result.records[0] as unknown as Record<string, unknown>;
    expect(record[kind === 'vacancies' ? 'employer_id' : 'provider_id']).toBe('E-CONTOH');
  });

  it('has Indonesian headers with notes, required columns marked, and drop-downs', async () => {
    const { spec, bytes } = await template(kind);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe(kind === 'vacancies' ? 'lowongan' : 'pelatihan');
    const headers = spec.columns.map((_, i) => sheet.getRow(1).getCell(i + 1).value);
    expect(headers).toEqual(spec.columns.map((c) => c.header));
    expect(headers).toContain(kind === 'vacancies' ? 'ID Lowongan' : 'ID Pelatihan');
    const district = spec.columns.findIndex((c) => c.field === 'district');
    expect(spec.columns[district]!.required).toBe(true);
    const districtCell = sheet.getRow(2).getCell(district + 1);
    expect(districtCell.dataValidation).toMatchObject({ type: 'list', formulae: ['daftar!$A$2:$A$36'] });
    const education = spec.columns.findIndex((c) => c.field === 'min_education');
    expect(sheet.getRow(300).getCell(education + 1).dataValidation?.formulae[0]).toContain('SMK');
    const yesNo = spec.columns.findIndex(
      (c) => c.field === (kind === 'vacancies' ? 'bpjs_ketenagakerjaan' : 'certified'),
    );
    expect(sheet.getRow(2).getCell(yesNo + 1).dataValidation?.formulae).toEqual(['"ya,tidak"']);
    expect(String(sheet.getRow(1).getCell(district + 1).note)).toMatch(/^Wajib/);
    expect(workbook.getWorksheet('daftar')!.getRow(36).getCell(1).value).toMatch(/^33\d{2}$/);
  });

  it('offers in each drop-down only values the parser accepts', async () => {
    const { spec } = await template(kind);
    for (const column of spec.columns) {
      if (column.choices === undefined || column.choices === 'districts') continue;
      const base = uploadTemplate(kind, { ownerId: 'E-CONTOH', asOf: AS_OF }).columns;
      for (const choice of column.choices) {
        const row = Object.fromEntries(
          base.map((c) => [c.header, c.field === column.field ? choice : c.example]),
        );
        const csv = `${Object.keys(row).join(';')}\n${Object.values(row).join(';')}\n`;
        const result = await readRecordFile(kind, Readable.from([Buffer.from(csv)]), {
          format: 'csv',
          file: 't.csv',
        });
        expect(result.rejected, `${column.field} = ${choice}`).toEqual([]);
      }
    }
  });
});
