/**
 * The latest nightly fairness audit, read from where the audit step stores it
 * (`reports/audits/<asOf>.json`, core/usecases/upload-key.ts). Keys sort by date, so the latest is
 * the greatest key under the prefix; the listing pages through (one page holds ~3 years of nights).
 */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { AUDITS_PREFIX } from '#core/domain/uploads';

const AUDIT_KEY = /^reports\/audits\/\d{4}-\d{2}-\d{2}\.json$/;

export interface StoredAudit {
  key: string;
  audit: unknown;
}

export interface AuditReader {
  latest(): Promise<StoredAudit | undefined>;
}

export function s3AuditReader(s3: S3Client, bucket: string): AuditReader {
  return {
    async latest() {
      let latest: string | undefined;
      let token: string | undefined;
      do {
        const page = await s3.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: AUDITS_PREFIX,
            ...(token !== undefined && { ContinuationToken: token }),
          }),
        );
        for (const object of page.Contents ?? []) {
          if (object.Key && AUDIT_KEY.test(object.Key) && (latest === undefined || object.Key > latest)) {
            latest = object.Key;
          }
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
      if (latest === undefined) return undefined;
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: latest }));
      const text = await object.Body!.transformToString('utf8');
      return { key: latest, audit: JSON.parse(text) as unknown };
    },
  };
}
