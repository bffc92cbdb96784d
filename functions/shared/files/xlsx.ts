/**
 * XLSX, read from memory: the zip's central directory finds the workbook, its first worksheet, the
 * shared strings and the styles whatever order the saving program wrote them in (Excel puts the
 * sheets before the styles, LibreOffice after), so date formats and shared strings are always known
 * before the first row. The worksheet is inflated and parsed as a stream, a row at a time; nothing
 * is written to disk, and every part has an inflated-size limit, so a zip bomb stops with a report.
 */
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTag } from 'saxes';
import { type ByteSource, bytesOf } from './text.ts';
import { ZipArchive, type ZipEntry, ZipFormatError, ZipLimitError } from './zip.ts';

/** A cell as the record parsers take it: string, number, boolean or Date; '' when empty. */
export type FlatCell = string | number | boolean | Date;

/** Limits on what a workbook may inflate to; far above a programme file, far below a zip bomb. */
export const XLSX_LIMITS = {
  /** The compressed file itself, held in memory while it is read (uploads are capped lower). */
  fileBytes: 100 * 1024 * 1024,
  /** The first worksheet's XML: ~250 MB holds the row limit of a wide sheet with inline strings. */
  worksheetBytes: 256 * 1024 * 1024,
  /** Shared strings, kept in memory for the whole read. */
  sharedStringsBytes: 64 * 1024 * 1024,
  /** Workbook, relationships and styles. */
  smallPartBytes: 8 * 1024 * 1024,
} as const;

export type XlsxLimits = { [K in keyof typeof XLSX_LIMITS]: number };

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export interface SheetRow {
  /** The worksheet's own row number. */
  row: number;
  /** Cells 1..width (index 0 = column A); '' for empty cells. */
  cells: FlatCell[];
  /** Columns beyond `width` that hold a value (1-based). */
  overflow: number[];
}

export class WorkbookUnreadableError extends Error {
  override name = 'WorkbookUnreadableError';
}

/** The workbook, or a part of it, inflates past a limit: the file is refused, not read further. */
class WorkbookTooLargeError extends WorkbookUnreadableError {
  override name = 'WorkbookTooLargeError';
  constructor(part: string, limitBytes: number) {
    const mb = Math.round(limitBytes / (1024 * 1024));
    super(
      `berkas .xlsx terlalu besar setelah dibuka: bagian ${part} melebihi ${mb} MB; bagi datanya ke beberapa berkas (the workbook inflates beyond ${mb} MB; split it into smaller files)`,
    );
  }
}

// ---- dates ------------------------------------------------------------------------------------

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * A serial day number as the UTC date-time Excel shows for it. The 1900 system counts the
 * non-existent 29 February 1900 (serial 60), so serials before it are one day later than plain
 * arithmetic gives; times are rounded to the second, as Excel displays them.
 */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
  const days = !date1904 && serial < 61 ? serial + 1 : serial;
  return new Date(epoch + Math.round(days * 86_400) * 1000);
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, with the East Asian ids). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * Whether a custom format code shows a date: its first section, without quoted text, escapes,
 * padding and bracketed parts (colours, conditions, locales, elapsed time), has a day, month,
 * year, hour or second token.
 */
export function isDateFormatCode(code: string): boolean {
  const first = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .split(';')[0]!;
  if (/\[(h+|m+|s+)\]/i.test(first)) return false;
  return /[dmyhs]/i.test(first.replace(/\[[^\]]*\]/g, ''));
}

// ---- workbook parts ---------------------------------------------------------------------------

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Runs saxes over a complete part, handing each element (local name, attributes) and its text on. */
function parseXml(
  xml: string,
  part: string,
  on: {
    open?(name: string, attributes: Record<string, string>): void;
    text?(text: string): void;
    close?(name: string): void;
  },
): void {
  const parser = new SaxesParser({ position: false });
  parser.on('error', (error) => {
    throw new WorkbookUnreadableError(`part ${part} is not valid XML (${error.message})`);
  });
  if (on.open) {
    const open = on.open;
    parser.on('opentag', (tag: SaxesTag) =>
      open(localName(tag.name), tag.attributes as Record<string, string>),
    );
  }
  if (on.text) parser.on('text', on.text);
  if (on.close) {
    const close = on.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  parser.write(xml).close();
}

function attribute(attributes: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (localName(key) === name) return value;
  return undefined;
}

interface Relationship {
  type: string;
  target: string;
}

function directoryOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** Resolves a relationship target against the part that holds it ("../x", "/xl/x", "x"). */
function resolveTarget(fromPart: string, target: string): string {
  const segments = target.startsWith('/') ? [] : directoryOf(fromPart).split('/').filter(Boolean);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/** `OOXML escapes` (`_x000D_`) in strings turned back into the characters they stand for. */
function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

class Workbook {
  readonly archive: ZipArchive;
  readonly date1904: boolean;
  readonly sheet: ZipEntry;
  readonly sharedStrings: string[];
  /** Per cell style (the `s` attribute): whether its number format shows a date. */
  readonly dateStyles: boolean[];

  constructor(
    bytes: Buffer,
    private readonly limits: XlsxLimits,
  ) {
    this.archive = new ZipArchive(bytes);
    const workbookPath = this.officeDocument();
    const { date1904, firstSheetId } = this.readWorkbook(workbookPath);
    this.date1904 = date1904;
    const relationships = this.relationships(workbookPath);
    const sheetTarget = firstSheetId === undefined ? undefined : relationships.get(firstSheetId)?.target;
    const sheet = sheetTarget === undefined ? undefined : this.archive.entry(sheetTarget);
    if (sheet === undefined) throw new WorkbookUnreadableError('the workbook has no worksheet');
    this.sheet = sheet;
    const byType = (type: string) =>
      [...relationships.values()].find((relationship) => relationship.type === type)?.target;
    this.sharedStrings = this.readSharedStrings(byType('sharedStrings'));
    this.dateStyles = this.readStyles(byType('styles'));
  }

  private text(path: string, limit = this.limits.smallPartBytes): string | undefined {
    const entry = this.archive.entry(path);
    return entry === undefined ? undefined : this.archive.inflate(entry, limit).toString('utf8');
  }

  private officeDocument(): string {
    const rels = this.relationshipsOf('_rels/.rels', '');
    const target = [...rels.values()].find((relationship) => relationship.type === 'officeDocument')?.target;
    return target ?? 'xl/workbook.xml';
  }

  private relationships(part: string): Map<string, Relationship> {
    return this.relationshipsOf(
      `${directoryOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`,
      part,
    );
  }

  /** Relationships by id; the type is the last segment of its URI (transitional and strict alike). */
  private relationshipsOf(relsPath: string, fromPart: string): Map<string, Relationship> {
    const found = new Map<string, Relationship>();
    const xml = this.text(relsPath);
    if (xml === undefined) return found;
    parseXml(xml, relsPath, {
      open(name, attributes) {
        if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
        const { Id: id, Type: type, Target: target } = attributes;
        if (id === undefined || type === undefined || target === undefined) return;
        found.set(id, {
          type: type.slice(type.lastIndexOf('/') + 1),
          target: resolveTarget(fromPart, target),
        });
      },
    });
    return found;
  }

  private readWorkbook(path: string): { date1904: boolean; firstSheetId: string | undefined } {
    const xml = this.text(path);
    if (xml === undefined) throw new WorkbookUnreadableError('the workbook part is missing');
    let date1904 = false;
    let firstSheetId: string | undefined;
    parseXml(xml, path, {
      open(name, attributes) {
        if (name === 'workbookPr') {
          const value = attributes.date1904?.trim().toLowerCase();
          date1904 = value === '1' || value === 'true';
        } else if (name === 'sheet' && firstSheetId === undefined) {
          firstSheetId = attribute(attributes, 'id');
        }
      },
    });
    return { date1904, firstSheetId };
  }

  private readSharedStrings(path: string | undefined): string[] {
    const xml = path === undefined ? undefined : this.text(path, this.limits.sharedStringsBytes);
    const strings: string[] = [];
    if (xml === undefined) return strings;
    let parts: string[] = [];
    let inText = false;
    let phonetic = 0;
    parseXml(xml, path!, {
      open(name) {
        if (name === 'si') parts = [];
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && phonetic === 0) inText = true;
      },
      text(text) {
        if (inText) parts.push(text);
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si') strings.push(unescapeOoxml(parts.join('')));
      },
    });
    return strings;
  }

  private readStyles(path: string | undefined): boolean[] {
    const xml = path === undefined ? undefined : this.text(path);
    const dateStyles: boolean[] = [];
    if (xml === undefined) return dateStyles;
    const customDates = new Map<number, boolean>();
    let inCellXfs = false;
    parseXml(xml, path!, {
      open(name, attributes) {
        if (name === 'numFmt') {
          customDates.set(Number(attributes.numFmtId), isDateFormatCode(attributes.formatCode ?? ''));
        } else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attributes.numFmtId ?? 0);
          dateStyles.push(customDates.get(id) ?? BUILT_IN_DATE_FORMATS.has(id));
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    });
    return dateStyles;
  }
}

// ---- the worksheet ----------------------------------------------------------------------------

/** Column number of a cell reference such as "AB12"; undefined when it has no letters. */
function columnOf(reference: string): number | undefined {
  let column = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
  }
  return column > 0 ? column : undefined;
}

interface CellState {
  column: number;
  type: string;
  style: number;
  value: string[] | undefined;
  inline: string[] | undefined;
}

function isoDateCell(text: string): FlatCell {
  const value = text.trim();
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(value) || !value.includes('T') ? value : `${value}Z`;
  const date = new Date(/T/.test(zoned) ? zoned : `${zoned}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : date;
}

/** Streams the first worksheet's rows through saxes; rows are handed out as each chunk is parsed. */
class SheetParser {
  private readonly parser = new SaxesParser({ position: false });
  private readonly ready: SheetRow[] = [];
  private width: number | undefined;
  private row: { number: number; cells: FlatCell[]; overflow: number[]; nextColumn: number } | undefined;
  private lastRow = 0;
  private cell: CellState | undefined;
  private capture: string[] | undefined;
  private inInline = false;
  private phonetic = 0;
  private failure: Error | undefined;

  constructor(private readonly workbook: Workbook) {
    this.parser.on('error', (error) => {
      this.failure ??= new WorkbookUnreadableError(`the worksheet is not valid XML (${error.message})`);
    });
    this.parser.on('opentag', (tag: SaxesTag) =>
      this.open(localName(tag.name), tag.attributes as Record<string, string>),
    );
    this.parser.on('text', (text) => this.capture?.push(text));
    this.parser.on('closetag', (tag) => this.close(localName(tag.name)));
  }

  write(text: string): SheetRow[] {
    this.parser.write(text);
    return this.take();
  }

  end(): SheetRow[] {
    this.parser.close();
    return this.take();
  }

  private take(): SheetRow[] {
    if (this.failure) throw this.failure;
    return this.ready.splice(0);
  }

  private open(name: string, attributes: Record<string, string>): void {
    if (name === 'row') {
      const number = attributes.r === undefined ? this.lastRow + 1 : Number.parseInt(attributes.r, 10);
      this.lastRow = number;
      this.row = { number, cells: [], overflow: [], nextColumn: 1 };
    } else if (name === 'c' && this.row) {
      const column = (attributes.r && columnOf(attributes.r)) || this.row.nextColumn;
      this.cell = {
        column,
        type: attributes.t ?? 'n',
        style: attributes.s === undefined ? 0 : Number.parseInt(attributes.s, 10),
        value: undefined,
        inline: undefined,
      };
    } else if (this.cell === undefined) {
      return;
    } else if (name === 'v') {
      this.cell.value = [];
      this.capture = this.cell.value;
    } else if (name === 'is') {
      this.inInline = true;
      this.cell.inline = [];
    } else if (name === 'rPh') {
      this.phonetic++;
    } else if (name === 't' && this.inInline && this.phonetic === 0) {
      this.capture = this.cell.inline;
    }
  }

  private close(name: string): void {
    if (name === 'v' || name === 't') this.capture = undefined;
    else if (name === 'is') this.inInline = false;
    else if (name === 'rPh') this.phonetic--;
    else if (name === 'c' && this.row && this.cell) {
      this.placeCell(this.row, this.cell);
      this.cell = undefined;
    } else if (name === 'row' && this.row) {
      const { number, cells, overflow } = this.row;
      if (this.width === undefined) this.width = cells.length;
      for (let i = 0; i < this.width; i++) cells[i] ??= '';
      this.ready.push({ row: number, cells, overflow });
      this.row = undefined;
    }
  }

  private placeCell(row: NonNullable<SheetParser['row']>, cell: CellState): void {
    row.nextColumn = cell.column + 1;
    const value = this.valueOf(cell);
    if (value === undefined) return;
    if (this.width !== undefined && cell.column > this.width) {
      if (value !== '') row.overflow.push(cell.column);
      return;
    }
    row.cells[cell.column - 1] = value;
  }

  /** The value a person sees; undefined for a cell that holds nothing (only a style). */
  private valueOf(cell: CellState): FlatCell | undefined {
    if (cell.type === 'inlineStr')
      return cell.inline === undefined ? undefined : unescapeOoxml(cell.inline.join(''));
    if (cell.value === undefined) return undefined;
    const text = cell.value.join('');
    switch (cell.type) {
      case 's': {
        const value = this.workbook.sharedStrings[Number.parseInt(text, 10)];
        if (value === undefined)
          throw new WorkbookUnreadableError(
            `cell ${columnLetter(cell.column)}${this.row?.number} points to a missing shared string`,
          );
        return value;
      }
      case 'str':
        return unescapeOoxml(text);
      case 'b':
        return text.trim() === '1';
      case 'e':
        return text;
      case 'd':
        return isoDateCell(text);
      default: {
        if (text.trim() === '') return '';
        const number = Number(text);
        if (!Number.isFinite(number)) return '#NUM!';
        return this.workbook.dateStyles[cell.style] === true
          ? excelSerialToDate(number, this.workbook.date1904)
          : number;
      }
    }
  }
}

async function collect(source: ByteSource, limit: number): Promise<Buffer> {
  if (source instanceof Uint8Array) {
    if (source.length > limit) throw new WorkbookTooLargeError('file', limit);
    return Buffer.from(source.buffer, source.byteOffset, source.length);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of bytesOf(source)) {
    total += chunk.length;
    if (total > limit) throw new WorkbookTooLargeError('file', limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

function readable(error: unknown): WorkbookUnreadableError {
  if (error instanceof WorkbookUnreadableError) return error;
  if (error instanceof ZipLimitError) return new WorkbookTooLargeError(error.part, error.limitBytes);
  if (error instanceof ZipFormatError)
    return new WorkbookUnreadableError(`the file is not a readable .xlsx workbook: ${error.message}`);
  throw error;
}

/**
 * Rows of the first worksheet. The header row fixes the width; cells to the right of it are
 * only reported, never read, so a stray cell in column XFD cannot widen every row.
 */
export async function* worksheetRows(
  source: ByteSource,
  limits: XlsxLimits = XLSX_LIMITS,
): AsyncGenerator<SheetRow> {
  let workbook: Workbook;
  let chunks: AsyncGenerator<Buffer>;
  try {
    workbook = new Workbook(await collect(source, limits.fileBytes), limits);
    chunks = workbook.archive.stream(workbook.sheet, limits.worksheetBytes);
  } catch (error) {
    throw readable(error);
  }
  const parser = new SheetParser(workbook);
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of chunks) yield* parser.write(decoder.write(chunk));
    yield* parser.write(decoder.end());
    yield* parser.end();
  } catch (error) {
    throw readable(error);
  } finally {
    await chunks.return(undefined);
  }
}
