/**
 * Workbooks built part by part, the way Excel and LibreOffice save them: the zip part order, shared
 * or inline strings, the closing date's number format and the date system are chosen by the test,
 * which a spreadsheet library would decide for itself.
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** The required vacancy columns, in a spreadsheet's order. */
export const VACANCY_COLUMNS = [
  'vacancy_id',
  'employer_id',
  'employer_name',
  'title',
  'occupation_code',
  'district',
  'openings',
  'min_education',
  'closing_date',
];

export type PartOrder = 'excel' | 'libreoffice';
export type Cell = string | number | { serial: number } | { formula: string; cached: string };

export interface WorkbookSpec {
  order: PartOrder;
  strings: 'shared' | 'inline';
  /** Built-in 14 or a custom code for the cells given as `{ serial }`. */
  dateFormat: 14 | string;
  /** How workbookPr spells the 1904 date system, if it is used. */
  date1904?: '1' | 'true';
  rows: Cell[][];
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

function parts(spec: WorkbookSpec): Record<string, string> {
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const stringCell = (ref: string, text: string) => {
    if (spec.strings === 'inline') {
      return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
    }
    let index = sharedIndex.get(text);
    if (index === undefined) {
      index = shared.push(text) - 1;
      sharedIndex.set(text, index);
    }
    return `<c r="${ref}" t="s"><v>${index}</v></c>`;
  };
  const rowsXml = spec.rows
    .map((cells, r) => {
      const xml = cells.map((cell, c) => {
        const ref = `${columnName(c)}${r + 1}`;
        if (typeof cell === 'string') return stringCell(ref, cell);
        if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
        if ('serial' in cell) return `<c r="${ref}" s="1"><v>${cell.serial}</v></c>`;
        return `<c r="${ref}" t="str"><f>${escapeXml(cell.formula)}</f><v>${escapeXml(cell.cached)}</v></c>`;
      });
      return `<row r="${r + 1}">${xml.join('')}</row>`;
    })
    .join('');
  const custom = typeof spec.dateFormat === 'string';
  const numFmtId = custom ? 164 : 14;
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${spec.strings === 'shared' ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${spec.date1904 ? ` date1904="${spec.date1904}"` : ''}/><sheets><sheet name="Lowongan" sheetId="1" r:id="rId1"/><sheet name="Catatan" sheetId="2" r:id="rId9"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>${spec.strings === 'shared' ? `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${custom ? `<numFmts count="1"><numFmt numFmtId="164" formatCode="${escapeXml(spec.dateFormat as string)}"/></numFmts>` : ''}<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="${numFmtId}" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><dimension ref="A1"/><sheetData>${rowsXml}</sheetData></worksheet>`,
    'xl/worksheets/sheet2.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>not this sheet</t></is></c></row></sheetData></worksheet>`,
  };
  if (spec.strings === 'shared') {
    files['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`).join('')}</sst>`;
  }
  return files;
}

/** Excel writes the sheets before styles and shared strings; LibreOffice writes the styles first. */
const ORDERS: Record<PartOrder, string[]> = {
  excel: [
    '[Content_Types].xml',
    '_rels/.rels',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/worksheets/sheet1.xml',
    'xl/worksheets/sheet2.xml',
    'xl/styles.xml',
    'xl/sharedStrings.xml',
  ],
  libreoffice: [
    '_rels/.rels',
    'xl/_rels/workbook.xml.rels',
    'xl/workbook.xml',
    'xl/styles.xml',
    'xl/worksheets/sheet2.xml',
    'xl/worksheets/sheet1.xml',
    'xl/sharedStrings.xml',
    '[Content_Types].xml',
  ],
};

export interface ZipPart {
  name: string;
  data: Buffer;
  /** Overrides the size written into the headers (a bomb that lies about itself). */
  declaredSize?: number;
}

interface Deflated {
  name: string;
  compressed: Buffer;
  crc: number;
  size: number;
}

const deflated = ({ name, data, declaredSize }: ZipPart): Deflated => ({
  name,
  compressed: deflateRawSync(data),
  crc: crc32(data),
  size: declaredSize ?? data.length,
});

/** A plain zip writer: deflated parts, sizes in the local headers, one central directory. */
export function zip(entries: readonly (ZipPart | Deflated)[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { name, compressed, crc, size } = 'data' in entry ? deflated(entry) : entry;
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function buildWorkbook(spec: WorkbookSpec): Buffer {
  const files = parts(spec);
  return zip(
    ORDERS[spec.order]
      .filter((name) => files[name] !== undefined)
      .map((name) => ({ name, data: Buffer.from(files[name]!, 'utf8') })),
  );
}

/**
 * A workbook whose worksheet inflates to about `inflatedBytes` of empty rows (a zip bomb), deflated
 * as a stream so the test never holds the inflated sheet. `declaredSize` makes it lie about its size.
 */
export async function zipBomb(inflatedBytes: number, declaredSize?: number): Promise<Buffer> {
  const files = parts({ order: 'excel', strings: 'inline', dateFormat: 14, rows: [['vacancy_id']] });
  const head = Buffer.from(
    `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>vacancy_id</t></is></c></row>`,
  );
  const block = Buffer.from('<row><c t="inlineStr"><is><t></t></is></c></row>'.repeat(20_000));
  const deflater = createDeflateRaw({ level: 9 });
  const compressed: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => compressed.push(chunk));
  let crc = crc32(head);
  let size = head.length;
  deflater.write(head);
  while (size < inflatedBytes) {
    crc = crc32(block, crc);
    size += block.length;
    if (!deflater.write(block)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  const done = new Promise((resolve) => deflater.once('end', resolve));
  deflater.end();
  await done;
  const sheet: Deflated = {
    name: 'xl/worksheets/sheet1.xml',
    compressed: Buffer.concat(compressed),
    crc,
    size: declaredSize ?? size,
  };
  return zip(
    ORDERS.excel
      .filter((name) => files[name] !== undefined && name !== 'xl/worksheets/sheet2.xml')
      .map((name) => (name === sheet.name ? sheet : { name, data: Buffer.from(files[name]!, 'utf8') })),
  );
}
