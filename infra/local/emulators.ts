/**
 * In-process DynamoDB (dynalite) and S3 (s3rver) emulators on loopback, for the local stack and the
 * integration tests. Both speak the real AWS wire protocols, so the production adapters run unchanged.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import dynalite from 'dynalite';
import S3rver, { type S3rverMiddleware } from 's3rver';
import { createTableInput } from '#functions/adapters/dynamodb/table';

const LOOPBACK = '127.0.0.1';
/** The emulators never check credentials, but the SDK insists on having some. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'ap-southeast-3';

export interface RunningDynamo {
  endpoint: string;
  client: DynamoDBClient;
  close(): Promise<void>;
}

export interface RunningS3 {
  endpoint: string;
  client: S3Client;
  server: S3rver;
  close(): Promise<void>;
}

export interface StartDynamoOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** With a data directory the data survives restarts; without one the table lives in memory. */
  dataDir?: string;
  /**
   * `worker` (the default) runs dynalite on a worker thread of this process, so the emulator and
   * the handlers calling it use both cores; `main` runs it on the calling thread.
   */
  thread?: 'worker' | 'main';
}

function dynaliteOptions(dataDir: string | undefined) {
  return {
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(dataDir ? { path: join(dataDir, 'dynamodb') } : {}),
  };
}

async function dynaliteOnThisThread(port: number, dataDir: string | undefined) {
  const server: Server = dynalite(dynaliteOptions(dataDir));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type WorkerMessage =
  | { type: 'listening'; port: number }
  | { type: 'error'; message: string }
  | { type: 'closed' };

async function dynaliteOnWorker(port: number, dataDir: string | undefined) {
  const worker = new Worker(new URL('./dynalite-worker.mjs', import.meta.url), {
    workerData: { port, host: LOOPBACK, options: dynaliteOptions(dataDir) },
  });
  const next = (types: WorkerMessage['type'][]) =>
    new Promise<WorkerMessage>((resolve, reject) => {
      const onMessage = (message: WorkerMessage) => {
        if (!types.includes(message.type)) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(message);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  const started = await next(['listening', 'error']);
  if (started.type !== 'listening') {
    await worker.terminate();
    throw new Error(`dynalite did not start: ${started.type === 'error' ? started.message : started.type}`);
  }
  return {
    port: started.port,
    close: async () => {
      const closed = next(['closed']);
      worker.postMessage({ type: 'close' });
      await closed;
      await worker.terminate();
    },
  };
}

/** Start dynalite on loopback and a client for it. */
export async function startDynamo(options: StartDynamoOptions = {}): Promise<RunningDynamo> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const start = options.thread === 'main' ? dynaliteOnThisThread : dynaliteOnWorker;
  const server = await start(options.port ?? 0, options.dataDir);
  const endpoint = `http://${LOOPBACK}:${server.port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  return {
    endpoint,
    client,
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
}

/** Create the table unless it exists already (a restarted local stack keeps its data); wait until ACTIVE. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
  }
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  for (let attempt = 0; attempt < 500; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`table ${tableName} did not become ACTIVE`);
}

/** Start s3rver with the given buckets. Without `dataDir` objects go to a fresh temp-like dir per call. */
/** s3rver keeps `<key>._S3rver_metadata.json` beside each object; file names hold 255 bytes. */
const S3RVER_SUFFIX_BYTES = '._S3rver_metadata.json'.length;
const FILE_NAME_BYTES = 255;

/**
 * The web workspace PUTs files to presigned URLs of the emulator, another origin than the app's:
 * the bucket answers the browser's CORS preflight as the deployed uploads bucket does (PUT with a
 * content type). s3rver still checks no signature, so this opens nothing the emulator did not.
 */
const LOCAL_UPLOAD_CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>content-type</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/**
 * s3rver stores each key as a file path, and a segment too long for a file name makes its write
 * stream fail outside any request handler: the process dies. S3 itself allows any segment length
 * within 1,024 bytes, so such keys are refused here the way S3 refuses keys over its limit
 * (400 KeyTooLongError), and the emulator keeps running.
 */
const refuseKeysTooLongForFiles: S3rverMiddleware = async (context, next) => {
  let segments: string[];
  try {
    segments = decodeURIComponent(context.path).split('/');
  } catch {
    return next();
  }
  const key = segments.slice(2).join('/');
  const tooLong =
    Buffer.byteLength(key) > 1_024 ||
    segments.some((segment) => Buffer.byteLength(segment) + S3RVER_SUFFIX_BYTES > FILE_NAME_BYTES);
  if (!tooLong) return next();
  context.status = 400;
  context.type = 'application/xml';
  context.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>KeyTooLongError</Code><Message>Your key is too long: the local stack stores keys as files, so each part between "/" holds at most ${FILE_NAME_BYTES - S3RVER_SUFFIX_BYTES} bytes</Message></Error>`;
};

/** The part of s3rver's filesystem store that writing an object touches. */
interface S3rverStore {
  getResourcePath(bucket: string, key: string, resource: string): string;
  putMetadata(bucket: string, key: string, metadata: unknown, md5: string): Promise<void>;
  putObject(object: {
    bucket: string;
    key: string;
    content: Buffer | NodeJS.ReadableStream;
    metadata: unknown;
  }): Promise<{ size: number; md5: string }>;
}

/**
 * s3rver streams a PUT straight into the object's file, so a GET at the same time reads half an
 * object (a report cut mid-JSON), and a failing write is an uncaught error. S3 makes a PUT visible
 * whole or not at all: here the body goes to a temp file beside the object, renamed over it once
 * complete, and a failure is the request's error.
 */
export function writeObjectsWhole(store: S3rverStore): void {
  store.putObject = async (object) => {
    const target = store.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(dirname(target), { recursive: true });
    const partial = join(dirname(target), `.${randomUUID()}.partial`);
    const md5 = createHash('md5');
    let size = 0;
    const content = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
    try {
      await pipeline(
        content,
        new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            md5.update(chunk);
            size += chunk.length;
            callback(null, chunk);
          },
        }),
        createWriteStream(partial),
      );
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    const digest = md5.digest('hex');
    await store.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  };
}

export async function startS3(options: {
  port?: number;
  directory: string;
  buckets: string[];
}): Promise<RunningS3> {
  mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    address: LOOPBACK,
    port: options.port ?? 0,
    directory: options.directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [LOCAL_UPLOAD_CORS] })),
  });
  server.middleware.unshift(refuseKeysTooLongForFiles);
  writeObjectsWhole(server.store as S3rverStore);
  const { port } = await server.run();
  const endpoint = `http://${LOOPBACK}:${port}`;
  const client = new S3Client({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    client,
    server,
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
}
