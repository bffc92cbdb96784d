/**
 * Build-time JavaScript budgets: what a phone on a slow connection downloads before a role's first
 * view can render, gzip-compressed. That is the entry chunk, the view's lazy route chunk, and every
 * chunk either imports statically (Vite preloads those together). A view over budget fails the build.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface Budget {
  /** Shown in the report. */
  view: string;
  /** The lazy route module, relative to web/ (its chunk's facade module). */
  module: string;
  /** Gzip kilobytes (1 KB = 1024 bytes). */
  maxKb: number;
}

export const BUDGETS: readonly Budget[] = [
  { view: 'counsellor', module: 'src/features/counsellor/index.tsx', maxKb: 200 },
  // Cheap phones on a weak signal: the assessment's first question within 5 s on slow 3G (npm run bench).
  { view: 'assessment', module: 'src/features/assessment/index.tsx', maxKb: 150 },
  { view: 'employer', module: 'src/features/employer/index.tsx', maxKb: 200 },
  { view: 'provider', module: 'src/features/provider/index.tsx', maxKb: 200 },
  { view: 'manager', module: 'src/features/manager/index.tsx', maxKb: 200 },
];

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  imports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
}

/** The chunk files a view needs before it renders: the entry's and the route's static closure. */
export function initialChunks(chunks: readonly ChunkLike[], routeModule: string): ChunkLike[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry);
  const route = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${routeModule}`));
  if (!entry) throw new Error('the build has no entry chunk');
  if (!route) throw new Error(`no chunk is built from ${routeModule}; is it still a lazy route?`);
  const seen = new Set<string>();
  const visit = (chunk: ChunkLike) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const file of chunk.imports) {
      const next = byFile.get(file);
      if (next) visit(next);
    }
  };
  visit(entry);
  visit(route);
  return [...seen].map((file) => byFile.get(file)!);
}

export function gzipKb(code: string): number {
  return gzipSync(code, { level: 9 }).byteLength / 1024;
}

export function budgetPlugin(budgets: readonly Budget[] = BUDGETS): Plugin {
  return {
    name: 'sinergi-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((o): o is typeof o & ChunkLike => o.type === 'chunk');
      const lines: string[] = [];
      const over: string[] = [];
      for (const budget of budgets) {
        const files = initialChunks(chunks, budget.module);
        const kb = files.reduce((sum, c) => sum + gzipKb(c.code), 0);
        lines.push(`${budget.view}: ${kb.toFixed(1)} KB of ${budget.maxKb} KB initial JS (gzip)`);
        if (kb > budget.maxKb) over.push(`${budget.view} ${kb.toFixed(1)} KB > ${budget.maxKb} KB`);
      }
      this.emitFile({ type: 'asset', fileName: 'budget.txt', source: `${lines.join('\n')}\n` });
      for (const line of lines) this.info(line);
      if (over.length > 0) this.error(`JavaScript budget exceeded: ${over.join('; ')}`);
    },
  };
}
