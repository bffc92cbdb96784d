/**
 * Presigned S3 PUTs for uploads. The content type and the exact content length are signed headers,
 * so S3 refuses a PUT whose body is of another size or type than the one the API allowed (the
 * signature no longer matches). A presigned POST with a content-length-range condition would allow
 * "up to N bytes" instead, but needs another SDK package; declaring the size up front gives the
 * same hard limit. The ingest function checks the size again when it reads the object.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { UploadSigner } from '#core/ports';

export function s3UploadSigner(s3: S3Client, bucket: string): UploadSigner {
  return {
    bucket,
    presignPut: (request) =>
      getSignedUrl(
        s3,
        new PutObjectCommand({
          Bucket: bucket,
          Key: request.key,
          ContentType: request.contentType,
          ContentLength: request.contentLength,
        }),
        {
          expiresIn: request.expiresInSeconds,
          signingDate: request.signingDate,
          signableHeaders: new Set(['content-type', 'content-length']),
        },
      ),
  };
}
