/**
 * Reading a zip archive held in memory (an uploaded .xlsx): the central directory gives every part's
 * place, so parts are read in whatever order the workbook needs them, whatever order the program
 * that saved it wrote them in. Nothing touches the disk. Inflation is bounded: a part that inflates
 * past its limit stops with `ZipLimitError`, whatever size the archive declares for it.
 */
import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

export class ZipLimitError extends Error {
  override name = 'ZipLimitError';
  constructor(
    readonly part: string,
    readonly limitBytes: number,
  ) {
    super(`${part} inflates to more than ${limitBytes} bytes`);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** What the archive says; only a hint, the limit is enforced on the bytes really inflated. */
  declaredSize: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 1;
const ZIP64_MARKER = 0xffffffff;
const CHUNK_BYTES = 64 * 1024;

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new ZipFormatError('it is not a zip archive (no central directory)');
}

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly bytes: Buffer) {
    if (bytes.length < 22) throw new ZipFormatError('it is too short to be a zip archive');
    const end = findEndOfCentralDirectory(bytes);
    const count = bytes.readUInt16LE(end + 10);
    let at = bytes.readUInt32LE(end + 16);
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_FILE_HEADER) {
        throw new ZipFormatError('its central directory is damaged');
      }
      const nameLength = bytes.readUInt16LE(at + 28);
      const entry: ZipEntry = {
        flags: bytes.readUInt16LE(at + 8),
        method: bytes.readUInt16LE(at + 10),
        compressedSize: bytes.readUInt32LE(at + 20),
        declaredSize: bytes.readUInt32LE(at + 24),
        localHeaderOffset: bytes.readUInt32LE(at + 42),
        name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      };
      if (entry.compressedSize === ZIP64_MARKER || entry.localHeaderOffset === ZIP64_MARKER) {
        throw new ZipFormatError('it is a zip64 archive, far larger than any workbook this system reads');
      }
      this.entries.set(entry.name.replace(/^\/+/, ''), entry);
      at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name.replace(/^\/+/, ''));
  }

  /** The compressed bytes of an entry, checked to be readable. */
  private compressed(entry: ZipEntry): Buffer {
    if ((entry.flags & ENCRYPTED_FLAG) !== 0) throw new ZipFormatError('it is protected with a password');
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw new ZipFormatError(`part ${entry.name} uses an unsupported compression method`);
    }
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL_FILE_HEADER) {
      throw new ZipFormatError(`part ${entry.name} is damaged`);
    }
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    const stop = start + entry.compressedSize;
    if (stop > this.bytes.length) throw new ZipFormatError(`part ${entry.name} is cut short`);
    return this.bytes.subarray(start, stop);
  }

  private checkDeclared(entry: ZipEntry, limitBytes: number): void {
    if (entry.declaredSize > limitBytes) throw new ZipLimitError(entry.name, limitBytes);
  }

  /** A small part in one piece (styles, shared strings, relationships). */
  inflate(entry: ZipEntry, limitBytes: number): Buffer {
    this.checkDeclared(entry, limitBytes);
    const compressed = this.compressed(entry);
    if (entry.method === STORED) {
      if (compressed.length > limitBytes) throw new ZipLimitError(entry.name, limitBytes);
      return compressed;
    }
    try {
      return inflateRawSync(compressed, { maxOutputLength: limitBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ZipLimitError(entry.name, limitBytes);
      }
      throw new ZipFormatError(`part ${entry.name} cannot be decompressed`);
    }
  }

  /**
   * A large part (a worksheet) in chunks, inflated as it is read. Leaving the loop early, or the
   * limit being reached, ends the inflater at once.
   */
  async *stream(entry: ZipEntry, limitBytes: number): AsyncGenerator<Buffer> {
    this.checkDeclared(entry, limitBytes);
    const compressed = this.compressed(entry);
    const slices = function* () {
      for (let at = 0; at < compressed.length; at += CHUNK_BYTES)
        yield compressed.subarray(at, at + CHUNK_BYTES);
    };
    if (entry.method === STORED) {
      if (compressed.length > limitBytes) throw new ZipLimitError(entry.name, limitBytes);
      yield* slices();
      return;
    }
    const inflater = createInflateRaw({ chunkSize: CHUNK_BYTES });
    const input = Readable.from(slices());
    input.pipe(inflater);
    let total = 0;
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > limitBytes) throw new ZipLimitError(entry.name, limitBytes);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof ZipLimitError) throw error;
      throw new ZipFormatError(`part ${entry.name} cannot be decompressed`);
    } finally {
      input.unpipe(inflater);
      input.destroy();
      inflater.destroy();
    }
  }
}
