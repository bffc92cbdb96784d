declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    directory?: string;
    silent?: boolean;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  /** The record s3rver emits: shaped like an S3 event record, but see the local stack for differences. */
  interface S3rverEventRecord {
    eventVersion: string;
    eventSource: string;
    awsRegion: string;
    eventTime: string;
    eventName: string;
    s3: {
      bucket: { name: string; arn?: string };
      object: { key: string; size?: number; eTag?: string; versionId?: string; sequencer: string };
    };
  }

  export default class S3rver {
    constructor(options?: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    reset(): void;
    on(event: 'event', listener: (event: { Records: S3rverEventRecord[] }) => void): this;
    /** The filesystem store behind the routes. */
    store: unknown;
    /** s3rver is a Koa application; its middleware runs in this order, first to last. */
    middleware: S3rverMiddleware[];
  }

  export interface S3rverContext {
    path: string;
    status: number;
    type: string;
    body: unknown;
  }

  export type S3rverMiddleware = (context: S3rverContext, next: () => Promise<void>) => Promise<void> | void;
}
