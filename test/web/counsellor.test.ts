/**
 * The counsellor and the data office in a real browser against the local stack with the small demo:
 * sign in, the youth list, a youth's page with explanations, recording a follow-up, the printable
 * hand-out, another district's counsellor getting "not found", admin export and erasure, axe-core
 * on each view, and a 360 px screenshot for the docs.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YouthList } from '../../web/src/shared/api/client.ts';
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
let district: string;
let otherDistrict: string;
/** Youth of `district` with recommendations: the first is opened, the second erased by the admin. */
let youthIds: string[];

beforeAll(async () => {
  [web, browser] = await Promise.all([startWebStack(), launchBrowser()]);
  [district, otherDistrict] = web.stack.info.pilotDistricts as [string, string];
  const token = await devToken(web, { role: 'counsellor', districts: [district] });
  const response = await fetch(`${web.url}/v1/youth?district=${district}&limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const list = (await response.json()) as YouthList;
  youthIds = list.items.filter((y) => y.topJob && y.topTraining).map((y) => y.youthId);
  expect(youthIds.length).toBeGreaterThan(1);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

async function expectAccessible(t: TestPage) {
  expect(await seriousA11yViolations(t.page)).toEqual([]);
}

describe('counsellor workspace', () => {
  let t: TestPage;
  beforeAll(async () => {
    t = await openPage(browser);
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs in through the development screen and lists the district youth', async () => {
    await signIn(t.page, web.url, { role: 'counsellor', districts: [district] });
    await expect.poll(() => t.page.url()).toBe(`${web.url}/counsellor`);
    await t.page.getByRole('heading', { name: 'Daftar pemuda' }).waitFor();
    await t.page.locator('tbody tr').first().waitFor();
    expect(await t.page.locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(t);
  });

  it('opens a youth and reads the explanation of a recommended job', async () => {
    await t.page.goto(`${web.url}/counsellor/youth/${encodeURIComponent(youthIds[0]!)}`);
    await t.page.getByRole('heading', { name: `Pemuda ${youthIds[0]}` }).waitFor();
    const jobs = t.page.locator('section', {
      has: t.page.getByRole('heading', { name: 'Pekerjaan yang direkomendasikan' }),
    });
    const first = jobs.locator('article').first();
    await first.waitFor();
    await first.getByRole('heading', { name: 'Mengapa direkomendasikan' }).waitFor();
    const explanation = await first.locator('h4 + p').textContent();
    expect(explanation?.length ?? 0).toBeGreaterThan(20);
    expect(await first.getByRole('figure', { name: 'Komponen skor' }).textContent()).toMatch(
      /Minat.*Bakat.*Keterampilan.*Jangkauan/,
    );
    expect(await t.page.locator('.chart svg').count()).toBeGreaterThan(0);
    await expectAccessible(t);
  });

  it('records a follow-up and shows it in the history', async () => {
    await t.page.getByLabel('Jenis').selectOption('applied');
    const opportunity = t.page.getByLabel('Lowongan atau pelatihan');
    const firstJob = await opportunity.locator('option').nth(1).getAttribute('value');
    await opportunity.selectOption(firstJob!);
    await t.page.getByLabel(/^Catatan \(tanpa/).fill('Melamar lewat kantor kabupaten');
    await t.page.getByRole('button', { name: 'Simpan' }).click();
    await t.page.getByText('Tindak lanjut tersimpan.').waitFor();
    const history = t.page.locator('table', { has: t.page.locator('caption', { hasText: 'Riwayat' }) });
    await history.getByRole('cell', { name: 'Melamar lewat kantor kabupaten' }).waitFor();
    expect(await history.locator('tbody tr').first().textContent()).toContain('Melamar');
  });

  it('is usable 360 px wide (screenshot for the docs)', async () => {
    await t.page.setViewportSize({ width: 360, height: 780 });
    await t.page.reload();
    await t.page.getByRole('heading', { name: 'Mengapa direkomendasikan' }).first().waitFor();
    const overflow = await t.page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    mkdirSync(DOCS_IMAGES, { recursive: true });
    const path = join(DOCS_IMAGES, 'counsellor-youth-360.png');
    await t.page.screenshot({ path, fullPage: false });
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
    await t.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('prints a one-page hand-out in Indonesian', async () => {
    await t.page.getByRole('link', { name: 'Cetak lembar untuk pemuda' }).click();
    await t.page.getByRole('heading', { name: 'Hasil minat dan bakat' }).waitFor();
    await t.page.getByRole('heading', { name: 'Langkah berikutnya' }).waitFor();
    expect(await t.page.locator('ol').first().locator('li').count()).toBeGreaterThan(0);
    await t.page.emulateMedia({ media: 'print' });
    expect(await t.page.getByRole('button', { name: 'Cetak' }).isVisible()).toBe(false);
    await t.page.emulateMedia({ media: 'screen' });
    await expectAccessible(t);
  });

  it('switches to English', async () => {
    await t.page.goto(`${web.url}/counsellor`);
    await t.page.getByLabel('Bahasa').selectOption('en');
    await t.page.getByRole('heading', { name: 'Youth' }).waitFor();
    await t.page.getByLabel('Language').selectOption('id');
    await t.page.getByRole('heading', { name: 'Daftar pemuda' }).waitFor();
    expect(t.errors).toEqual([]);
  });
});

describe('access in the browser', () => {
  it("a counsellor of another district gets 'not found' for the youth's page", async () => {
    const t = await openPage(browser);
    try {
      await signIn(t.page, web.url, { role: 'counsellor', districts: [otherDistrict] });
      await t.page.goto(`${web.url}/counsellor/youth/${encodeURIComponent(youthIds[0]!)}`);
      await t.page.getByRole('alert').getByText('Tidak ditemukan.').waitFor();
      expect(await t.page.getByText('Mengapa direkomendasikan').count()).toBe(0);
      // The browser logs the API's 404 itself; nothing else may be logged.
      expect(t.errors.filter((e) => !e.includes('404'))).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('the data office exports and then erases one youth, with confirmation', async () => {
    const t = await openPage(browser);
    const youthId = youthIds[1]!;
    try {
      await signIn(t.page, web.url, { role: 'admin' });
      await t.page.getByRole('heading', { name: 'Permintaan subjek data' }).waitFor();
      await expectAccessible(t);
      await t.page.getByLabel('ID pemuda').fill(youthId);
      await t.page.getByRole('button', { name: 'Buka' }).click();
      await t.page.getByRole('heading', { name: `Data pemuda ${youthId}` }).waitFor();
      const [download] = await Promise.all([
        t.page.waitForEvent('download'),
        t.page.getByRole('button', { name: 'Unduh ekspor' }).click(),
      ]);
      const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { youthId: string };
      expect(exported.youthId).toBe(youthId);
      const erase = t.page.getByRole('button', { name: 'Hapus semua data' });
      expect(await erase.isDisabled()).toBe(true);
      await t.page.getByLabel(`Ketik ${youthId} untuk mengonfirmasi`).fill(youthId);
      await erase.click();
      await t.page.getByText(/^Dihapus: 1 profil/).waitFor();
      await expectAccessible(t);
      expect(t.errors).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
