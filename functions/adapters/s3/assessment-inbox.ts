/** Submitted assessments as objects in the uploads bucket, where the S3 -> SQS -> ingest path picks them up. */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { AssessmentInbox } from '#core/ports';

export function s3AssessmentInbox(s3: S3Client, bucket: string): AssessmentInbox {
  return {
    bucket,
    async put(key, body) {
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json' }),
      );
    },
  };
}
