// Loads dynalite with its LevelDB tuned for the local stack's write load. dynalite opens LevelDB
// with the defaults (a 4 MB write buffer), so rewriting 16,000 recommendation sets turned into a
// stream of small level-0 files that LevelDB's compaction thread kept merging: about a core's worth
// of CPU during a rematch, on a two-core laptop where the handlers need it. And every read went
// through libuv's thread pool: dynalite reads each item before it writes it, and the hand-off to a
// pool thread and back cost more than the read itself, which LevelDB serves from memory. So reads are
// made synchronously: on dynalite's own worker thread (the default) they hold up only the emulator;
// with `thread: 'main'` they hold up the caller for the microseconds a read from memory takes.
// dynalite has no option for either, so its `level` module's database class is replaced before
// dynalite loads it.
// Plain JavaScript: the dynalite worker thread imports it without a TypeScript loader.
import { createRequire } from 'node:module';

/**
 * LevelDB options merged under dynalite's own. A 64 MB memtable holds a whole demo upload's writes
 * before the first flush; LevelDB keeps at most two, so the cost is bounded memory.
 */
export const LEVELDB_OPTIONS = Object.freeze({ writeBufferSize: 64 * 1024 * 1024 });

const tuned = Symbol.for('sinergi.dynalite.leveldb-options');

/** dynalite's factory, its on-disk LevelDB opened with `LEVELDB_OPTIONS` and read synchronously. */
export async function loadDynalite() {
  const fromHere = createRequire(import.meta.url);
  const level = createRequire(fromHere.resolve('dynalite'))('level');
  if (!level.Level[tuned]) {
    const Base = level.Level;
    class TunedLevel extends Base {
      static [tuned] = true;
      constructor(location, options) {
        super(location, { ...LEVELDB_OPTIONS, ...options });
      }
      /** Reads on the calling thread (the emulator's own); writes still go through the pool. */
      async _get(key, options) {
        return this._getSync(key, options);
      }
    }
    level.Level = TunedLevel;
  }
  return (await import('dynalite')).default;
}
