/**
 * Employers, training providers and programme managers in a real browser against the local stack
 * with the small demo: the employer downloads the template, drops a file with one bad row and reads
 * that row's reason in Indonesian, opens a vacancy's candidates (pseudonyms, no youth ids) and marks
 * one as interesting; the provider sees demand per offer; the manager's dashboard draws its charts
 * with the demo's figures and the latest fairness audit. axe-core on each view; screenshots for
 * docs/web.md.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNightlyRematch } from '#core/usecases/nightly-rematch';
import { createRematchAuditDeps } from '#functions/rematch/deps';
import { readRematchConfig } from '#functions/shared/config';
import { readRecordFile } from '#functions/shared/files/records';
import type { OwnOpportunities } from '../../web/src/shared/api/client.ts';
import {
  DOCS_IMAGES,
  devToken,
  launchBrowser,
  openPage,
  seriousA11yViolations,
  signIn,
  startWebStack,
  type TestPage,
  type WebStack,
} from './harness.ts';

let web: WebStack;
let browser: Browser;
/** A demo employer with a vacancy that youth have among their recommendations. */
let employerId: string;
let vacancyId: string;
let providerId: string;

async function ownOpportunities(body: object): Promise<OwnOpportunities> {
  const token = await devToken(web, body);
  const response = await fetch(`${web.url}/v1/opportunities?limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as OwnOpportunities;
}

/** Owner ids of the demo's records, read from the seeded files with the upload reader. */
async function ownersOf(kind: 'vacancies' | 'trainings', file: string): Promise<string[]> {
  const bytes = readFileSync(join(web.dataDir, 'seed', file));
  const { records } = await readRecordFile(kind, bytes, {
    format: file.endsWith('.xlsx') ? 'xlsx' : 'csv',
    file,
  });
  const owners = records.map((r) => ('employer_id' in r ? r.employer_id : r.provider_id));
  return [...new Set(owners)];
}

beforeAll(async () => {
  [web, browser] = await Promise.all([startWebStack(), launchBrowser()]);
  for (const owner of await ownersOf('vacancies', 'vacancies.xlsx')) {
    const own = await ownOpportunities({ role: 'employer', employerId: owner });
    const recommended = own.items.find((v) => v.recommendedTo > 0);
    if (recommended) {
      employerId = owner;
      vacancyId = recommended.opportunityId;
      break;
    }
  }
  providerId = (await ownersOf('trainings', 'trainings.csv'))[0]!;
  expect(employerId).toBeDefined();
  // The nightly rematch writes the fairness audit the manager's dashboard draws.
  const { info } = web.stack;
  const deps = createRematchAuditDeps(
    readRematchConfig({
      TABLE_NAME: info.tableName,
      UPLOADS_BUCKET: info.bucket,
      STAGE: info.stage,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      PILOT_DISTRICTS: info.pilotDistricts.join(','),
    }),
    { dynamodb: web.stack.dynamodb, s3: web.stack.s3 },
  );
  await runNightlyRematch(
    web.seeded?.manifest.asOf ?? '2026-12-01',
    deps.ports,
    deps.setup,
    async (audit) => {
      await deps.reports.writeAudit(audit);
    },
  );
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

async function expectAccessible(t: TestPage) {
  expect(await seriousA11yViolations(t.page)).toEqual([]);
}

function screenshot(t: TestPage, name: string) {
  mkdirSync(DOCS_IMAGES, { recursive: true });
  return t.page.screenshot({ path: join(DOCS_IMAGES, name), fullPage: true });
}

/** A vacancies file as an employer fills the template: row 2 valid, row 3 with an impossible date. */
function vacanciesCsv(owner: string): string {
  const header =
    'ID Lowongan;ID Perusahaan;Nama Perusahaan;Jabatan;Kode KBJI;Kode Wilayah;Jumlah Lowongan;Pendidikan Minimal;Batas Lamaran';
  const row = (id: string, closing: string) =>
    `${id};${owner};PT Uji Coba;Operator Jahit;7533;${web.stack.info.pilotDistricts[0]};2;SMP;${closing}`;
  return `${header}\n${row('UJI-001', '2099-12-31')}\n${row('UJI-002', '31-31-2026')}\n`;
}

describe('employer workspace', () => {
  let t: TestPage;
  beforeAll(async () => {
    t = await openPage(browser);
    await signIn(t.page, web.url, { role: 'employer', ownerId: employerId });
  });
  afterAll(async () => {
    expect(t.errors).toEqual([]);
    await t.close();
  });

  it('downloads the XLSX template with Indonesian headers and the employer id in the example row', async () => {
    await t.page.getByRole('heading', { name: 'Ruang kerja pemberi kerja' }).waitFor();
    const [download] = await Promise.all([
      t.page.waitForEvent('download'),
      t.page.getByRole('button', { name: 'Unduh templat (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('templat-lowongan.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('lowongan')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('ID Lowongan');
    expect(sheet.getRow(2).getCell(2).value).toBe(employerId);
    await expectAccessible(t);
  });

  it('takes a dropped file and shows the bad row with its reason in Indonesian', async () => {
    const csv = vacanciesCsv(employerId);
    // The page's own DataTransfer with the file in it, as a drag from the desktop delivers it.
    const transfer = await t.page.evaluateHandle(
      `(() => { const data = new DataTransfer(); data.items.add(new File([${JSON.stringify(csv)}], 'lowongan-uji.csv', { type: 'text/csv' })); return data; })()`,
    );
    await t.page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: transfer });
    const report = t.page.locator('section.report');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.textContent()).toContain('2 baris: 1 diterima, 1 ditolak');
    const bad = report.locator('tbody tr');
    expect(await bad.count()).toBe(1);
    // Rows are numbered as the spreadsheet numbers them: the header is row 1.
    expect(await bad.locator('td').allTextContents()).toEqual([
      '3',
      'UJI-002',
      'closing_date',
      'harus tanggal dengan format YYYY-MM-DD atau DD/MM/YYYY, isinya "31-31-2026"',
    ]);
    await t.page.getByRole('cell', { name: 'lowongan-uji.csv' }).waitFor();
    await screenshot(t, 'employer-upload-report.png');
    await expectAccessible(t);
  });

  it('lists candidates of a vacancy under pseudonyms, without youth ids, and marks one as interesting', async () => {
    await t.page.getByRole('link', { name: new RegExp(`\\(${vacancyId}\\)`) }).click();
    await t.page.getByRole('heading', { name: `Kandidat lowongan ${vacancyId}` }).waitFor();
    const rows = t.page.locator('table.candidates tbody tr');
    await rows.first().waitFor();
    const text = (await t.page.locator('main').textContent()) ?? '';
    expect(text).toMatch(/cand_/);
    expect(text).not.toMatch(/Y-\d{6}/);
    const first = (await rows.first().locator('code').textContent())!;
    await rows
      .first()
      .getByRole('button', { name: /Tertarik/ })
      .click();
    await rows.first().getByText('Sudah ditandai').waitFor();
    expect(await rows.first().locator('code').textContent()).toBe(first);
    await screenshot(t, 'employer-candidates.png');
    await expectAccessible(t);
  });
});

describe('training provider workspace', () => {
  it('shows demand per training offer', async () => {
    const t = await openPage(browser);
    await signIn(t.page, web.url, { role: 'provider', ownerId: providerId });
    await t.page.getByRole('heading', { name: 'Pelatihan saya dan permintaannya' }).waitFor();
    const own = await ownOpportunities({ role: 'provider', providerId });
    await t.page.getByRole('cell', { name: new RegExp(`\\(${own.items[0]!.opportunityId}\\)`) }).waitFor();
    expect(await t.page.locator('main table').first().locator('tbody tr').count()).toBe(own.items.length);
    await expectAccessible(t);
    expect(t.errors).toEqual([]);
    await t.close();
  });
});

describe('manager dashboard', () => {
  it('draws the charts with the demo figures and the latest fairness audit', async () => {
    const t = await openPage(browser, { width: 1280, height: 900 });
    await signIn(t.page, web.url, { role: 'manager' });
    await t.page.getByRole('heading', { name: 'Dasbor program' }).waitFor();
    const figures = t.page.locator('dl.figures');
    await figures.waitFor();
    const assessments = web.seeded!.files.find((f) => f.kind === 'assessments')!.report.counts.stored;
    const youth = figures.locator('div', { hasText: 'Pemuda terases' }).locator('dd');
    expect(await youth.textContent()).toBe(new Intl.NumberFormat('id-ID').format(assessments));
    for (const name of [
      'Alur tindak lanjut: dihubungi, melamar, wawancara, diterima/mendaftar',
      'Sebaran huruf pertama kode Holland menurut jenis kelamin',
      'Sebaran persentil bakat numerik menurut jenis kelamin',
      'Pemuda dengan lowongan ini sebagai pilihan utama, per kebutuhan',
      'Bagian pemuda dengan rekomendasi kerja, per kelompok',
    ]) {
      const chart = t.page.getByRole('img', { name });
      await chart.waitFor();
      expect(await chart.locator('rect').count(), name).toBeGreaterThan(0);
    }
    await screenshot(t, 'manager-dashboard.png');
    await expectAccessible(t);

    const [csv] = await Promise.all([
      t.page.waitForEvent('download'),
      t.page.getByRole('button', { name: 'Ringkasan per wilayah (.csv)' }).click(),
    ]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFFKode BPS,Kabupaten/Kota,Pemuda terases')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(1 + web.stack.info.pilotDistricts.length);
    expect(t.errors).toEqual([]);
    await t.close();
  });
});
