/**
 * Reading an uploaded object as a byte stream, pinned to the version the event named, so a newer
 * upload of the same key can never be read in place of the one being processed.
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/** The object (or that version of it) no longer exists: retrying will not bring it back. */
export class ObjectGoneError extends Error {
  override name = 'ObjectGoneError';
}

export interface ObjectBody extends AsyncIterable<Uint8Array> {
  /** Stops the download when the reader gives up early. */
  close(): void;
}

const GONE = new Set(['NoSuchKey', 'NoSuchVersion', 'NotFound']);

export async function openObject(
  s3: S3Client,
  ref: { bucket: string; key: string; versionId?: string },
): Promise<ObjectBody> {
  let body: unknown;
  try {
    const out = await s3.send(
      new GetObjectCommand({
        Bucket: ref.bucket,
        Key: ref.key,
        ...(ref.versionId !== undefined && { VersionId: ref.versionId }),
      }),
    );
    body = out.Body;
  } catch (error) {
    if (GONE.has((error as { name?: string }).name ?? '')) {
      throw new ObjectGoneError('the uploaded object no longer exists');
    }
    throw error;
  }
  if (!isByteStream(body)) throw new ObjectGoneError('the uploaded object has no body');
  const stream = body;
  return {
    [Symbol.asyncIterator]: () => stream[Symbol.asyncIterator](),
    close: () => (stream as { destroy?: () => void }).destroy?.(),
  };
}

function isByteStream(body: unknown): body is AsyncIterable<Uint8Array> {
  return typeof body === 'object' && body !== null && Symbol.asyncIterator in body;
}
