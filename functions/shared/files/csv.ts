/**
 * A small streaming CSV reader (RFC 4180): quoted cells may hold delimiters, doubled quotes and
 * line breaks; CRLF, LF and a lone CR all end a record. The delimiter is `,` or `;` (Excel in
 * Indonesian locales writes `;`), decided once from the header line.
 */

export interface CsvRecord {
  /** 1-based record number, as a spreadsheet shows the row (a quoted line break stays in its row). */
  row: number;
  cells: string[];
}

/** Excel's own limit for one cell; anything longer is an unclosed quote swallowing the file. */
export const MAX_CELL_CHARS = 32_767;

export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const COMMA = 44;
const SEMICOLON = 59;

const State = { CellStart: 0, Unquoted: 1, Quoted: 2, QuoteInQuoted: 3, AfterQuoted: 4 } as const;
type State = (typeof State)[keyof typeof State];

/** Counts `,` and `;` outside quotes; a tie (one-column file) reads as `,`. */
export function sniffDelimiter(headerLine: string): ',' | ';' {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && c === COMMA) commas++;
    else if (!inQuotes && c === SEMICOLON) semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Index just past the first line break outside quotes, or -1 while the header line is incomplete. */
function endOfFirstLine(text: string): number {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) return i;
  }
  return -1;
}

/** A push parser: feed text chunks, collect completed records; `end()` flushes the last one. */
export class CsvParser {
  private delimiter: number | undefined;
  private pending = '';
  private state: State = State.CellStart;
  private cell = '';
  private cells: string[] = [];
  private row = 1;
  private afterCr = false;

  get delimiterChar(): string | undefined {
    return this.delimiter === undefined ? undefined : String.fromCharCode(this.delimiter);
  }

  feed(chunk: string): CsvRecord[] {
    if (this.delimiter === undefined) {
      this.pending += chunk;
      if (endOfFirstLine(this.pending) < 0 && this.pending.length <= MAX_CELL_CHARS) return [];
      return this.start();
    }
    return this.scan(chunk);
  }

  end(): CsvRecord[] {
    const records = this.delimiter === undefined ? this.start() : [];
    if (this.state === State.Quoted) {
      throw new CsvSyntaxError(this.row, 'a quoted cell is never closed: a " is missing');
    }
    if (this.cells.length > 0 || this.cell !== '' || this.state === State.AfterQuoted) {
      this.endCell();
      records.push(this.endRecord());
    }
    return records;
  }

  private start(): CsvRecord[] {
    const line = this.pending;
    const end = endOfFirstLine(line);
    this.delimiter = sniffDelimiter(end < 0 ? line : line.slice(0, end)).charCodeAt(0);
    this.pending = '';
    return this.scan(line);
  }

  private endCell(): void {
    if (this.cell.length > MAX_CELL_CHARS) {
      throw new CsvSyntaxError(this.row, `a cell is longer than ${MAX_CELL_CHARS} characters`);
    }
    this.cells.push(this.cell);
    this.cell = '';
  }

  private endRecord(): CsvRecord {
    const record = { row: this.row, cells: this.cells };
    this.cells = [];
    this.row++;
    this.state = State.CellStart;
    return record;
  }

  private scan(chunk: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    const delimiter = this.delimiter;
    let segment = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (c === LF) {
          segment = i + 1;
          continue;
        }
      }
      if (this.state === State.Quoted) {
        if (c === QUOTE) {
          this.cell += chunk.slice(segment, i);
          this.state = State.QuoteInQuoted;
        }
        continue;
      }
      if (this.state === State.QuoteInQuoted) {
        if (c === QUOTE) {
          this.cell += '"';
          this.state = State.Quoted;
          segment = i + 1;
          continue;
        }
        this.state = State.AfterQuoted;
        segment = i;
      }
      if (c === delimiter) {
        this.cell += chunk.slice(segment, i);
        this.endCell();
        this.state = State.CellStart;
        segment = i + 1;
      } else if (c === LF || c === CR) {
        this.cell += chunk.slice(segment, i);
        this.endCell();
        records.push(this.endRecord());
        this.afterCr = c === CR;
        segment = i + 1;
      } else if (c === QUOTE && this.state === State.CellStart) {
        this.state = State.Quoted;
        segment = i + 1;
      } else if (this.state === State.CellStart) {
        this.state = State.Unquoted;
      }
    }
    if (this.state !== State.QuoteInQuoted) this.cell += chunk.slice(segment);
    if (this.cell.length > MAX_CELL_CHARS) {
      throw new CsvSyntaxError(this.row, `a cell is longer than ${MAX_CELL_CHARS} characters`);
    }
    return records;
  }
}
