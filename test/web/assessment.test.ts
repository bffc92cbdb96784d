/**
 * The youth assessment app in headless Chromium against the local stack with the small demo: a
 * counsellor issues a code; the youth opens the link, consents, answers the 30-item form, goes
 * offline halfway (and reloads the page offline: the service worker serves it, IndexedDB keeps the
 * answers), finishes, comes back online, and the one submission is scored and matched by the real
 * pipeline; the youth reads the results and the counsellor's API shows the new profile. A second
 * submission, expired, revoked and mistyped codes and a minor without a guardian's consent get
 * clear answers. axe-core on each view; 320 px at 200% text; screenshots for the docs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoInvitationRepository } from '#functions/adapters/dynamodb/invitations';
import {
  DOCS_IMAGES,
  launchBrowser,
  openPage,
  seriousA11yViolations,
  startWebStack,
  type TestPage,
  type WebStack,
} from './harness.ts';

const MINI = 'sinergi-minat-bakat-mini-v1';
let web: WebStack;
let browser: Browser;
let district: string;
let counsellorToken: string;

async function devToken(body: object): Promise<string> {
  const response = await fetch(`${web.url}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await response.json()) as { idToken: string }).idToken;
}

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of several routes, read by the assertions
async function api(
  method: string,
  path: string,
  options: { body?: unknown; code?: string; token?: string } = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${web.url}/v1${path}`, {
    method,
    headers: {
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
      ...(options.code && { 'x-invitation-code': options.code }),
      ...(options.token && { authorization: `Bearer ${options.token}` }),
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

async function invite(youthId: string, birthDate = '2004-08-17') {
  const made = await api('POST', '/invitations', {
    token: counsellorToken,
    body: {
      youthId,
      youth: { district, gender: 'F', birthDate, education: 'SMK' },
      instrument: MINI,
      counsellor: { name: 'Bu Rina', phone: '0812 3456 7890', office: 'Disnaker' },
    },
  });
  expect(made.status).toBe(201);
  return made.body as { invitationId: string; code: string; link: string };
}

async function expectAccessible(t: TestPage) {
  expect(await seriousA11yViolations(t.page)).toEqual([]);
}

async function screenshot(t: TestPage, name: string) {
  mkdirSync(DOCS_IMAGES, { recursive: true });
  await t.page.screenshot({ path: join(DOCS_IMAGES, name), fullPage: false });
}

beforeAll(async () => {
  [web, browser] = await Promise.all([startWebStack(), launchBrowser()]);
  district = web.stack.info.pilotDistricts[0]!;
  counsellorToken = await devToken({ role: 'counsellor', districts: [district] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

// Thirty answers, an offline reload and the timed parts are many browser steps: on a busy machine
// they outlast the suite's default 30 s, which guards against hangs, not against slowness.
describe('a youth with an invitation link', { timeout: 120_000 }, () => {
  let t: TestPage;
  let invitation: { invitationId: string; code: string; link: string };
  const youthId = 'ASM-YOUTH-1';

  beforeAll(async () => {
    invitation = await invite(youthId);
    t = await openPage(browser, { width: 360, height: 780 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('opens the link and gives consent', async () => {
    expect(invitation.link).toBe(`${web.url}/asesmen/#${invitation.code}`);
    await t.page.goto(invitation.link);
    await t.page.getByRole('heading', { name: 'Persetujuan sebelum mulai' }).waitFor();
    await expectAccessible(t);
    await screenshot(t, 'assessment-consent-360.png');
    await t.page.getByLabel(/Saya sudah membaca dan setuju/).check();
    await t.page.getByRole('button', { name: 'Setuju dan mulai' }).click();
    await t.page.getByRole('heading', { name: 'Pertanyaan 1 dari 30' }).waitFor();
    await expectAccessible(t);
    await screenshot(t, 'assessment-question-360.png');
    // The service worker controls the page before the signal goes.
    await t.page.waitForFunction('navigator.serviceWorker.controller !== null');
  });

  it('answers, going offline halfway and reloading offline without losing an answer', async () => {
    const labels = ['Sangat Suka', 'Suka', 'Ragu-ragu', 'Tidak Suka', 'Sangat Tidak Suka'];
    for (let i = 0; i < 30; i++) {
      if (i === 15) await t.context.setOffline(true);
      if (i === 20) {
        await t.page.reload();
        await t.page.getByRole('heading', { name: 'Pertanyaan 21 dari 30' }).waitFor();
        await t.page.getByText('Kamu sedang offline').waitFor();
      }
      await t.page.getByRole('heading', { name: `Pertanyaan ${i + 1} dari 30` }).waitFor();
      // Varied answers: realistic items first, then a mix, so the profile is not flat.
      await t.page.getByRole('button', { name: labels[Math.floor(i / 5) % 5]!, exact: true }).click();
    }
    // Back and forward keep the answer given.
    await t.page.getByRole('heading', { name: 'Berhitung' }).waitFor();
  });

  it('takes the timed aptitude parts, still offline', async () => {
    await t.page.getByRole('button', { name: 'Mulai bagian ini' }).click();
    await t.page.getByText(/Sisa waktu: \d+:\d\d/).waitFor();
    await expectAccessible(t);
    await screenshot(t, 'assessment-numerical-360.png');
    const first = t.page.locator('fieldset.aptitude-item').first();
    await first.getByRole('button').first().click();
    expect(await first.getByRole('button').first().getAttribute('aria-pressed')).toBe('true');
    await t.page.getByRole('button', { name: 'Selesai' }).click();
    await t.page.getByRole('heading', { name: 'Teliti dan cepat' }).waitFor();
    await t.page.getByRole('button', { name: 'Mulai bagian ini' }).click();
    await t.page.locator('fieldset.aptitude-item').first().getByRole('button', { name: 'Sama' }).click();
    await t.page.getByRole('button', { name: 'Selesai' }).click();
    await t.page.getByRole('heading', { name: 'Kirim jawaban' }).waitFor();
    await t.page.getByText('Kamu sudah menjawab 30 dari 30').waitFor();
  });

  it('queues the answers offline and sends them once when the signal returns', async () => {
    await t.page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await t.page.getByText(/Belum ada sinyal/).waitFor();
    const before = await api('GET', `/youth/${youthId}/invitations`, { token: counsellorToken });
    expect(before.body.items[0].status).toBe('active');
    await t.context.setOffline(false);
    await t.page.getByRole('heading', { name: 'Hasil asesmenmu' }).waitFor({ timeout: 90_000 });
    await t.page.getByRole('heading', { name: 'Tiga minat terkuatmu' }).waitFor();
    await t.page.getByText('Konselor: Bu Rina').waitFor();
    expect(await t.page.locator('.results').textContent()).not.toMatch(/\d+[.,]\d+|persentil/i);
    await expectAccessible(t);
    await screenshot(t, 'assessment-results-360.png');
    expect(t.errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });

  it('produced one report, a profile and recommendations the counsellor sees', async () => {
    const invitations = await api('GET', `/youth/${youthId}/invitations`, { token: counsellorToken });
    expect(invitations.body.items).toHaveLength(1);
    const [item] = invitations.body.items;
    expect(item).toMatchObject({ status: 'submitted', uploadId: `assessment-${invitation.invitationId}` });
    const admin = await devToken({ role: 'admin' });
    const upload = await api('GET', `/uploads/${item.uploadId}`, { token: admin });
    expect(upload.body).toMatchObject({ status: 'processed', report: { counts: { rows: 1, accepted: 1 } } });
    const profile = await api('GET', `/youth/${youthId}`, { token: counsellorToken });
    expect(profile.body).toMatchObject({ youthId, instrument: MINI, district });
    expect(profile.body.aptitudes.numerical.total).toBe(10);
    expect(profile.body.aptitudes.clerical.total).toBe(20);
    const recommendations = await api('GET', `/youth/${youthId}/recommendations`, { token: counsellorToken });
    expect(recommendations.status).toBe(200);
    expect(recommendations.body.jobs.length + recommendations.body.trainings.length).toBeGreaterThan(0);
  });

  it('refuses a second submission with the same code, clearly', async () => {
    const again = await api('POST', '/assessment/submission', {
      code: invitation.code,
      body: { idempotencyKey: 'another-device-1', interests: { R01: 2 }, aptitude: {} },
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/sudah dikirim\. Satu kode hanya bisa dipakai sekali/);
    const other = await openPage(browser, { width: 360 });
    try {
      await other.page.goto(invitation.link);
      await other.page.getByText('Jawaban untuk kode ini sudah dikirim').waitFor();
    } finally {
      await other.close();
    }
  });

  it('holds its layout at 320 px with text at 200%, and switches to English', async () => {
    await t.page.setViewportSize({ width: 320, height: 640 });
    await t.page.evaluate("document.documentElement.style.fontSize = '200%'");
    const wide = await t.page.evaluate<string[]>(
      `[...document.querySelectorAll('body *:not(.visually-hidden)')].filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => e.tagName + '.' + e.className + ' ' + e.scrollWidth + '/' + e.clientWidth)`,
    );
    expect(wide).toEqual([]);
    const overflow = await t.page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await t.page.getByLabel('Bahasa').selectOption('en');
    await t.page.getByRole('heading', { name: 'Your results' }).waitFor();
    await t.page.getByRole('heading', { name: 'Your three strongest interests' }).waitFor();
  });
});

describe('codes that do not open the assessment', () => {
  let t: TestPage;
  beforeAll(async () => {
    t = await openPage(browser, { width: 360 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a mistyped code is not recognised', async () => {
    await t.page.goto(`${web.url}/asesmen/#ZZZZ-ZZZZ`);
    await t.page
      .getByRole('alert')
      .getByText(/Kode undangan tidak dikenal/)
      .waitFor();
    await t.page.getByRole('button', { name: 'Masukkan kode undangan' }).click();
    await t.page.getByLabel(/Kode undangan/).waitFor();
    await expectAccessible(t);
  });

  it('a revoked code says so', async () => {
    const made = await invite('ASM-REVOKED');
    const revoked = await api('POST', `/youth/ASM-REVOKED/invitations/${made.invitationId}/revoke`, {
      token: counsellorToken,
    });
    expect(revoked.status).toBe(200);
    await t.page.goto(made.link);
    await t.page
      .getByRole('alert')
      .getByText(/sudah dibatalkan/)
      .waitFor();
  });

  it('an expired code says when it expired', async () => {
    const made = await invite('ASM-EXPIRED');
    const invitations = new DynamoInvitationRepository({
      client: web.stack.dynamodb,
      tableName: web.stack.info.tableName,
    });
    const stored = (await invitations.get('ASM-EXPIRED', made.invitationId))!;
    await invitations.update({
      ...stored,
      expiresAt: '2026-01-02T00:00:00.000Z',
      revision: stored.revision + 1,
    });
    await t.page.goto(made.link);
    await t.page
      .getByRole('alert')
      .getByText(/sudah kedaluwarsa pada 02-01-2026/)
      .waitFor();
  });
});

describe('a youth under 18', () => {
  it('cannot start, nor submit, without a parent or guardian agreeing', async () => {
    const made = await invite('ASM-MINOR', '2011-03-01');
    const t = await openPage(browser, { width: 360 });
    try {
      await t.page.goto(made.link);
      await t.page.getByRole('group', { name: 'Persetujuan orang tua/wali' }).waitFor();
      await t.page.getByLabel(/Saya sudah membaca dan setuju/).check();
      await t.page.getByRole('button', { name: 'Setuju dan mulai' }).click();
      await t.page
        .getByRole('alert')
        .getByText(/Orang tua atau wali perlu/)
        .waitFor();
      expect(await t.page.getByRole('heading', { name: 'Pertanyaan 1 dari 30' }).count()).toBe(0);
      await expectAccessible(t);
    } finally {
      await t.close();
    }
    const consent = {
      textVersion: 'consent-asesmen-v1',
      givenAt: new Date().toISOString(),
      youthAgrees: true,
    };
    const submit = await api('POST', '/assessment/submission', {
      code: made.code,
      body: { idempotencyKey: 'minor-device-1', consent, interests: { R01: 3 }, aptitude: {} },
    });
    expect(submit.status).toBe(400);
    expect(submit.body.fields[0].reason).toMatch(/orang tua atau wali perlu ikut menyetujui/);
  });
});
