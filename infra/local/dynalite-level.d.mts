import type dynalite from 'dynalite';

export declare const LEVELDB_OPTIONS: Readonly<{ writeBufferSize: number }>;
export declare function loadDynalite(): Promise<typeof dynalite>;
