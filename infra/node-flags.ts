/**
 * V8 flags for the processes that match and store a whole programme: the ingest and rematch
 * functions on AWS, and the local stack (`npm start`, and the pipeline benchmark, which runs what
 * `npm start` runs).
 *
 * A rematch keeps many young objects alive at once (sets being serialised, requests in flight), so
 * with V8's default 16 MB semi-space each scavenge copied most of it, about 4 ms a time, 225 times
 * during the 5,000-vacancy rematch. With 64 MB the same upload used 10% less CPU and finished 0.7 s
 * sooner (docs/benchmarks.md); the young generation then takes up to 192 MB, well inside a 1,769 MB
 * function.
 */
export const MATCHING_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
