/**
 * Strict UTF-8 decoding of a byte stream. A file saved in a Windows code page decodes "without
 * error" in lenient mode and stores mangled names, so a byte that is not UTF-8 stops the read.
 */

import { TextDecoder } from 'node:util';

export type ByteSource = AsyncIterable<Uint8Array> | Uint8Array;

export class NotUtf8Error extends Error {
  override name = 'NotUtf8Error';
  constructor(readonly utf16: boolean) {
    super(utf16 ? 'the file is UTF-16 text ("Unicode Text"), not UTF-8' : 'the file is not UTF-8 text');
  }
}

export async function* bytesOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  yield* source;
}

function startsWithUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function decodeStrictly(decoder: TextDecoder, chunk?: Uint8Array): string {
  try {
    return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
  } catch (error) {
    if (error instanceof TypeError) throw new NotUtf8Error(false);
    throw error;
  }
}

/** Text chunks with a UTF-8 byte order mark removed; throws NotUtf8Error on the first bad byte. */
export async function* decodeUtf8(source: ByteSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  for await (const chunk of bytesOf(source)) {
    if (first && chunk.length > 0) {
      if (startsWithUtf16Bom(chunk)) throw new NotUtf8Error(true);
      first = false;
    }
    const text = decodeStrictly(decoder, chunk);
    if (text !== '') yield text;
  }
  const rest = decodeStrictly(decoder);
  if (rest !== '') yield rest;
}
