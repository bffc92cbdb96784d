/**
 * The browser test harness: the web workspace built once per source state (cached under
 * node_modules/.cache), a local stack with the small demo on free ports and a temporary data
 * directory serving it, and headless Chromium from npm (@sparticuz/chromium; nothing is downloaded).
 * One stack and one browser per test file; pages collect console errors so a test can assert none.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import chromium, { inflate } from '@sparticuz/chromium';
import { type Browser, type BrowserContext, type Page, chromium as playwright } from 'playwright-core';
import type { DemoSeedResult } from '#cli/commands/local';
import { localApiStarter } from '#infra/local/api';
import type { LocalStack } from '#infra/local/stack';
import { startLocal } from '../e2e/local/in-process.ts';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = join(ROOT, 'web');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'dist' ? [] : sourceFiles(path);
    return [path];
  });
}

/** A hash of everything the build reads that changes with the project: web/ and the API schemas. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...sourceFiles(WEB),
    ...sourceFiles(join(ROOT, 'core')),
    join(ROOT, 'functions/api/schemas.ts'),
    join(ROOT, 'infra/web/policy.ts'),
    join(ROOT, 'package-lock.json'),
  ].sort();
  for (const file of files) {
    hash.update(relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The built app for the current sources. Test files running in parallel may build at the same
 * time; each builds into its own directory and the first rename wins.
 */
export async function buildWeb(): Promise<string> {
  const cache = join(ROOT, 'node_modules/.cache/sinergi-web');
  const outDir = join(cache, sourceHash());
  if (existsSync(join(outDir, 'index.html'))) return outDir;
  mkdirSync(cache, { recursive: true });
  const draft = `${outDir}.${process.pid}.tmp`;
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: join(WEB, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: draft, emptyOutDir: true },
    });
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
  try {
    renameSync(draft, outDir);
  } catch (error) {
    if (!existsSync(join(outDir, 'index.html'))) throw error;
    rmSync(draft, { recursive: true, force: true });
  }
  return outDir;
}

export interface WebStack {
  url: string;
  stack: LocalStack;
  seeded: DemoSeedResult | undefined;
  dataDir: string;
  stop(): Promise<void>;
}

/** `sinergi local` in this process: small demo, free ports, temporary data directory, the app served. */
export async function startWebStack(): Promise<WebStack> {
  const webRoot = await buildWeb();
  const dataDir = mkdtempSync(join(tmpdir(), 'sinergi-web-'));
  const local = await startLocal(dataDir, { api: localApiStarter({ webRoot }) });
  const url = local.stack.info.endpoints.web;
  if (!url) throw new Error(`the local stack does not serve the web workspace:\n${local.io.out()}`);
  return {
    url: url.replace(/\/$/, ''),
    stack: local.stack,
    seeded: local.seeded,
    dataDir,
    stop: async () => {
      await local.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium links NSS (libnss3, libnspr4) from the system. The package carries Amazon Linux 2023
 * builds of them for Lambda; using those everywhere leaves only glibc and libexpat to the machine,
 * so a fresh CI image needs no browser packages.
 */
async function bundledLibraries(): Promise<string> {
  const bin = join(dirname(require.resolve('@sparticuz/chromium')), '..', 'bin');
  return join(await inflate(join(bin, 'al2023.tar.br')), 'lib');
}

export async function launchBrowser(): Promise<Browser> {
  const [executablePath, libraries] = await Promise.all([chromium.executablePath(), bundledLibraries()]);
  const env = {
    ...process.env,
    LD_LIBRARY_PATH: [libraries, process.env['LD_LIBRARY_PATH']].filter(Boolean).join(':'),
  };
  // Without --single-process: in a single process, closing one browser context ends the browser.
  const args = chromium.args.filter((arg) => arg !== '--single-process');
  return playwright.launch({ executablePath, args, headless: true, env });
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh browser context (own storage, so own session) at the given viewport width. */
export async function openPage(
  browser: Browser,
  options: { width?: number; height?: number } = {},
): Promise<TestPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: 'id-ID',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, context, errors, close: () => context.close() };
}

export interface DevAccount {
  role: 'counsellor' | 'employer' | 'provider' | 'manager' | 'admin';
  districts?: readonly string[];
  ownerId?: string;
}

/** Through the development sign-in screen, as a person would. */
export async function signIn(page: Page, baseUrl: string, account: DevAccount, path = '/'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Peran').selectOption(account.role);
  if (account.districts) await page.getByLabel(/Kode kabupaten/).fill(account.districts.join(','));
  if (account.ownerId) await page.getByLabel(/^ID (pemberi kerja|lembaga pelatihan)$/).fill(account.ownerId);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => url.pathname !== '/signin');
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core in the page (evaluated over the DevTools protocol, which the page's CSP does not
 * govern), WCAG 2.x A and AA rules; the serious and critical violations.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as {
      document: unknown;
      axe: {
        run: (
          ctx: unknown,
          opts: unknown,
        ) => Promise<{
          violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
        }>;
      };
    };
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A development ID token from the local stack's token endpoint (what the sign-in screen gets). */
export async function devToken(web: WebStack, body: object): Promise<string> {
  const response = await fetch(`${web.url}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await response.json()) as { idToken: string }).idToken;
}

/** Where screenshots for docs/web.md go. */
export const DOCS_IMAGES = join(ROOT, 'docs/img');
