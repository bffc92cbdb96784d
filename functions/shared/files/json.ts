/**
 * JSON and JSON Lines without holding the file: a JSON array (or `{ "records": [...] }`) is cut into
 * its elements by tracking brackets and strings, and each element is parsed on its own, so one
 * broken record costs that record only.
 */

/** One element or line as text, with the number a person would look for. */
export interface JsonChunk {
  /** JSON: array index + 1. JSONL: line number. */
  row: number;
  text: string;
}

/** Larger than any honest record; a bigger element means the structure is broken. */
const MAX_RECORD_CHARS = 1_000_000;

export class JsonShapeError extends Error {
  override name = 'JsonShapeError';
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

function isWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const SHAPE = 'expected a JSON array of records, or an object with a "records" array';

/**
 * A push scanner over the text of a JSON document. Elements are found at `elementDepth` (1 for a
 * top-level array, 2 inside `"records"`); everything else is only counted.
 */
export class JsonArrayScanner {
  private top: 'array' | 'object' | undefined;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private elementDepth: number | undefined;
  private recordsSeen = false;
  private recordsClosed = false;
  private parts: string[] = [];
  private partsLength = 0;
  private collecting = false;
  private index = 0;
  /** Object form: the key string being read at depth 1, and the last complete one. */
  private keyParts: string[] | undefined;
  private lastKey: string | undefined;
  private expectingKey = false;

  feed(chunk: string): JsonChunk[] {
    const out: JsonChunk[] = [];
    let segment = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.keyParts !== undefined) {
            this.keyParts.push(chunk.slice(segment, i));
            this.lastKey = this.keyParts.join('');
            this.keyParts = undefined;
          }
        }
        continue;
      }
      if (isWhitespace(c)) continue;
      if (this.top === undefined) {
        if (c === OPEN_BRACKET) {
          this.top = 'array';
          this.elementDepth = 1;
        } else if (c === OPEN_BRACE) {
          this.top = 'object';
          this.expectingKey = true;
        } else throw new JsonShapeError(SHAPE);
        this.depth = 1;
        continue;
      }
      if (this.depth === 0) throw new JsonShapeError('there is more text after the end of the JSON document');
      if (this.collecting && this.depth === this.elementDepth && (c === COMMA || c === CLOSE_BRACKET)) {
        this.collect(chunk.slice(segment, i));
        out.push(this.finishElement());
      } else if (!this.collecting && this.depth === this.elementDepth && c === COMMA) {
        throw new JsonShapeError(`record ${this.index + 1} is missing (two commas in a row)`);
      }
      if (this.top === 'object' && this.depth === 1) this.objectKeyState(c);
      if (!this.collecting && this.depth === this.elementDepth && c !== COMMA && c !== CLOSE_BRACKET) {
        this.collecting = true;
        segment = i;
      }
      if (c === QUOTE) {
        this.inString = true;
        if (this.top === 'object' && this.depth === 1 && this.expectingKey) {
          this.keyParts = [];
          segment = i + 1;
        }
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.depth++;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        if (this.elementDepth !== undefined && this.depth < this.elementDepth) {
          this.elementDepth = undefined;
          if (this.top === 'object') this.recordsClosed = true;
        }
      }
    }
    if (this.collecting) this.collect(chunk.slice(segment));
    else if (this.keyParts !== undefined) this.keyParts.push(chunk.slice(segment));
    return out;
  }

  end(): void {
    if (this.top === undefined) throw new JsonShapeError('the file is empty');
    if (this.depth !== 0 || this.inString) {
      throw new JsonShapeError(
        `the JSON ends before it is closed (a cut-off upload?); records after ${this.index} could not be read`,
      );
    }
    if (this.top === 'object' && !this.recordsSeen) throw new JsonShapeError(SHAPE);
  }

  /** At depth 1 of the object form: find the value of "records" and make its elements the records. */
  private objectKeyState(c: number): void {
    if (c === COMMA) {
      this.expectingKey = true;
      return;
    }
    if (c === COLON) {
      this.expectingKey = false;
      return;
    }
    if (this.expectingKey || c === CLOSE_BRACE || this.lastKey !== 'records' || this.recordsClosed) return;
    if (this.recordsSeen) return;
    if (c !== OPEN_BRACKET) throw new JsonShapeError('"records" must be an array of records');
    this.recordsSeen = true;
    this.elementDepth = 2;
  }

  private collect(text: string): void {
    this.parts.push(text);
    this.partsLength += text.length;
    if (this.partsLength > MAX_RECORD_CHARS) {
      throw new JsonShapeError(`record ${this.index + 1} is longer than ${MAX_RECORD_CHARS} characters`);
    }
  }

  private finishElement(): JsonChunk {
    const text = this.parts.join('');
    this.parts = [];
    this.partsLength = 0;
    this.collecting = false;
    this.index++;
    return { row: this.index, text };
  }
}

export async function* jsonArrayElements(text: AsyncIterable<string>): AsyncGenerator<JsonChunk> {
  const scanner = new JsonArrayScanner();
  for await (const chunk of text) yield* scanner.feed(chunk);
  scanner.end();
}

/** Lines of a JSON Lines file, numbered as an editor numbers them; blank lines are skipped. */
export async function* jsonLines(
  text: AsyncIterable<string>,
): AsyncGenerator<JsonChunk | { row: number; tooLong: true }> {
  let carry = '';
  let line = 1;
  let overflow = false;
  for await (const chunk of text) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
      const piece = carry + chunk.slice(start, nl);
      carry = '';
      if (overflow || piece.length > MAX_RECORD_CHARS) yield { row: line, tooLong: true };
      else if (piece.trim() !== '') yield { row: line, text: piece };
      overflow = false;
      line++;
      start = nl + 1;
    }
    if (!overflow) {
      carry += chunk.slice(start);
      if (carry.length > MAX_RECORD_CHARS) {
        overflow = true;
        carry = '';
      }
    }
  }
  if (overflow || carry.length > MAX_RECORD_CHARS) yield { row: line, tooLong: true };
  else if (carry.trim() !== '') yield { row: line, text: carry };
}
