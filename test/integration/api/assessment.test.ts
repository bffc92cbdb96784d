/**
 * The assessment app's server side against the emulators: a counsellor invites, the youth opens the
 * invitation with the code, consents and submits once; the submission is an object under
 * `incoming/assessments/` that the real ingest code scores and matches; status and results come
 * back with the same code. Codes that are mistyped, expired, revoked or used get their own answers.
 */
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { generateAptitudeSections } from '#core/assessment/aptitude';
import { CONSENT_TEXT } from '#core/assessment/consent';
import { defaultInstruments } from '#core/instruments/registry';
import { MAX_CODE_FAILURES } from '#core/usecases/assessment';
import { createIngestDeps } from '#functions/ingest/deps';
import { processUpload } from '#functions/ingest/process-upload';
import { readIngestConfig } from '#functions/shared/config';
import { KENDAL, SEMARANG } from './fixtures.ts';
import { BUCKET, type CallOptions, TEST_ENV, useApiStack } from './harness.ts';

const stack = useApiStack({ env: { ASSESSMENT_APP_URL: 'https://app.sinergi.example/asesmen/' } });
const MINI = 'sinergi-minat-bakat-mini-v1';
const COUNSELLOR_CONTACT = { name: 'Bu Rina', phone: '+62 812 3456 7890', office: 'Disnaker Kota Semarang' };
const NEW_YOUTH = { district: SEMARANG, gender: 'F', birthDate: '2004-05-17', education: 'SMK' };
const MINOR = { ...NEW_YOUTH, birthDate: '2010-01-01' };

const consent = (guardian?: object) => ({
  textVersion: CONSENT_TEXT.version,
  givenAt: '2026-11-20T10:00:00+07:00',
  youthAgrees: true,
  ...(guardian && { guardian }),
});

/** A varied, complete answer set for the mini form: realistic-investigative interests. */
function answers(): Record<string, number> {
  const mini = defaultInstruments.find((i) => i.id === MINI)!;
  const level: Record<string, number> = { R: 4, I: 3, A: 1, S: 1, E: 0, C: 2 };
  return Object.fromEntries(
    mini.items.map((item, i) => [item.id, Math.max(0, level[item.scale]! - (i % 2))]),
  );
}

async function invite(body: Record<string, unknown>, who: 'counsellor' | 'counsellorKendal' = 'counsellor') {
  const res = await stack().call(who, 'POST', '/v1/invitations', {
    body: { instrument: MINI, counsellor: COUNSELLOR_CONTACT, ...body },
  });
  return res;
}

const asYouth = (code: string, options: CallOptions = {}): CallOptions => ({
  ...options,
  headers: { 'x-invitation-code': code, ...options.headers },
});

async function runIngest(key: string) {
  const deps = await createIngestDeps(readIngestConfig({ ...TEST_ENV, LEDGER_LEASE_MS: '60000' }), {
    dynamodb: stack().dynamo.client,
    s3: stack().s3.client,
  });
  const head = await stack().s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
  return processUpload(
    {
      bucket: BUCKET,
      key,
      size: head.ContentLength!,
      sequencer: '0A',
      eventTime: new Date(stack().clock.now).toISOString(),
      eventName: 'ObjectCreated:Put',
    },
    deps,
  );
}

describe('invitations', () => {
  it('are created for a new youth with registry fields: a code shown once, a link carrying it', async () => {
    const res = await invite({ youthId: 'Y-NEW-1', youth: NEW_YOUTH, expiresInDays: 3 });
    expect(res.status).toBe(201);
    expect(res.body.code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(res.body.link).toBe(`https://app.sinergi.example/asesmen/#${res.body.code}`);
    expect(res.body.qrPayload).toBe(res.body.link);
    expect(Date.parse(res.body.expiresAt) - stack().clock.now).toBe(3 * 24 * 3600 * 1000);
    const stored = await stack().deps.assessment.invitations.get('Y-NEW-1', res.body.invitationId);
    expect(JSON.stringify(stored)).not.toContain(res.body.code.replace('-', ''));
    expect(stored).toMatchObject({ district: SEMARANG, instrument: MINI, status: 'active' });
  });

  it('of a stored youth take the district and registry from the profile and carry paper aptitudes', async () => {
    const res = await invite({ youthId: 'Y-S1', paperAptitudes: { verbal: { correct: 30, total: 40 } } });
    expect(res.status).toBe(201);
    const stored = await stack().deps.assessment.invitations.get('Y-S1', res.body.invitationId);
    expect(stored!.district).toBe(SEMARANG);
    expect(stored!.paperAptitudes.verbal).toEqual({ correct: 30, total: 40 });
    expect(stored!.paperAptitudes.numerical).toBeUndefined();
  });

  it('follow the role matrix: own districts only, counsellors only', async () => {
    expect((await invite({ youthId: 'Y-K1' })).status).toBe(404);
    expect((await invite({ youthId: 'Y-NEW-K', youth: { ...NEW_YOUTH, district: KENDAL } })).status).toBe(
      404,
    );
    expect(
      (await invite({ youthId: 'Y-NEW-K', youth: { ...NEW_YOUTH, district: KENDAL } }, 'counsellorKendal'))
        .status,
    ).toBe(201);
    expect((await invite({ youthId: 'Y-UNKNOWN' })).status).toBe(404);
    for (const who of ['employer', 'provider', 'manager', 'admin'] as const) {
      const res = await stack().call(who, 'POST', '/v1/invitations', {
        body: { youthId: 'Y-S1', instrument: MINI, counsellor: COUNSELLOR_CONTACT },
      });
      expect(res.status).toBe(403);
    }
    const listed = await stack().call('counsellorKendal', 'GET', '/v1/youth/Y-NEW-1/invitations');
    expect(listed.status).toBe(404);
    expect(
      (await stack().call('counsellor', 'GET', '/v1/youth/Y-NEW-1/invitations')).body.items,
    ).toHaveLength(1);
  });

  it('refuse registry fields for a stored youth and paper results for subtests taken on screen', async () => {
    const both = await invite({ youthId: 'Y-S2', youth: NEW_YOUTH });
    expect(both.status).toBe(400);
    const onScreen = await invite({
      youthId: 'Y-NEW-2',
      youth: NEW_YOUTH,
      paperAptitudes: { numerical: { correct: 1, total: 2 } },
    });
    expect(onScreen.status).toBe(400);
    expect(onScreen.body.fields).toEqual([
      {
        field: 'paperAptitudes.numerical',
        reason: 'is taken on screen; only other subtests are entered from paper',
      },
    ]);
  });
});

describe('the youth with a code', () => {
  it('gets clear answers for mistyped, revoked and expired codes', async () => {
    const made = await invite({ youthId: 'Y-NEW-3', youth: NEW_YOUTH });
    const code = made.body.code as string;
    const wrong = code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`;
    const mistyped = await stack().call(undefined, 'GET', '/v1/assessment/session', asYouth(wrong));
    expect(mistyped.status).toBe(404);
    expect(mistyped.body.message).toMatch(/Kode undangan tidak dikenal/);
    const malformed = await stack().call(undefined, 'GET', '/v1/assessment/session', asYouth('ABC0-1234'));
    expect(malformed.status).toBe(400);
    const missing = await stack().call(undefined, 'GET', '/v1/assessment/session');
    expect(missing.status).toBe(400);

    const ok = await stack().call(undefined, 'GET', '/v1/assessment/session', asYouth(code.toLowerCase()));
    expect(ok.status).toBe(200);

    stack().clock.now += 8 * 24 * 3600 * 1000;
    try {
      const expired = await stack().call(undefined, 'GET', '/v1/assessment/session', asYouth(code));
      expect(expired.status).toBe(410);
      expect(expired.body.message).toMatch(/sudah kedaluwarsa pada \d\d-\d\d-\d{4}/);
    } finally {
      stack().clock.now -= 8 * 24 * 3600 * 1000;
    }

    const path = `/v1/youth/Y-NEW-3/invitations/${made.body.invitationId}`;
    const reissued = await stack().call('counsellor', 'POST', `${path}/reissue`, { body: {} });
    expect(reissued.status).toBe(201);
    expect(reissued.body.replaces).toBe(made.body.invitationId);
    const revoked = await stack().call(undefined, 'GET', '/v1/assessment/session', asYouth(code));
    expect(revoked.status).toBe(410);
    expect(revoked.body.message).toMatch(/sudah dibatalkan/);
    const old = await stack().call('counsellor', 'GET', path);
    expect(old.body).toMatchObject({ status: 'revoked', replacedBy: reissued.body.invitationId });
    const fresh = await stack().call(undefined, 'GET', '/v1/assessment/session', asYouth(reissued.body.code));
    expect(fresh.status).toBe(200);
  });

  it('is throttled after repeated wrong codes from the same network', async () => {
    const made = await invite({ youthId: 'Y-NEW-4', youth: NEW_YOUTH });
    const from = { sourceIp: '203.0.113.9' };
    for (let i = 0; i < MAX_CODE_FAILURES; i++) {
      const res = await stack().call(
        undefined,
        'GET',
        '/v1/assessment/session',
        asYouth(`ZZZZ-ZZZ${'23456789ABCDEFGH'[i]}`, from),
      );
      expect(res.status).toBe(404);
    }
    const right = await stack().call(
      undefined,
      'GET',
      '/v1/assessment/session',
      asYouth(made.body.code, from),
    );
    expect(right.status).toBe(429);
    expect(right.body.message).toMatch(/Tunggu 15 menit/);
    const elsewhere = await stack().call(
      undefined,
      'GET',
      '/v1/assessment/session',
      asYouth(made.body.code, { sourceIp: '198.51.100.7' }),
    );
    expect(elsewhere.status).toBe(200);
    stack().clock.now += 15 * 60 * 1000;
    try {
      const later = await stack().call(
        undefined,
        'GET',
        '/v1/assessment/session',
        asYouth(made.body.code, from),
      );
      expect(later.status).toBe(200);
    } finally {
      stack().clock.now -= 15 * 60 * 1000;
    }
  });

  it('under 18 cannot submit without a guardian’s consent', async () => {
    const made = await invite({ youthId: 'Y-MINOR', youth: MINOR });
    const code = made.body.code as string;
    const session = await stack().call(undefined, 'GET', '/v1/assessment/session', asYouth(code));
    expect(session.body.minor).toBe(true);
    const alone = await stack().call(
      undefined,
      'POST',
      '/v1/assessment/consent',
      asYouth(code, { body: consent() }),
    );
    expect(alone.status).toBe(400);
    expect(alone.body.fields[0].reason).toMatch(/orang tua atau wali/);
    const submit = await stack().call(
      undefined,
      'POST',
      '/v1/assessment/submission',
      asYouth(code, {
        body: { idempotencyKey: 'minor-key-1', consent: consent(), interests: answers(), aptitude: {} },
      }),
    );
    expect(submit.status).toBe(400);
    const withGuardian = await stack().call(
      undefined,
      'POST',
      '/v1/assessment/consent',
      asYouth(code, { body: consent({ name: 'Pak Budi', relationship: 'parent', agrees: true }) }),
    );
    expect(withGuardian.status).toBe(201);
    expect(withGuardian.body.minor).toBe(true);
  });

  it('consents, submits once, and sees plain-language results from the real pipeline', async () => {
    const made = await invite({ youthId: 'Y-NEW-5', youth: NEW_YOUTH });
    const code = made.body.code as string;
    const content = await stack().call(undefined, 'GET', `/v1/assessment/content/${MINI}`);
    expect(content.body.instrument.items).toHaveLength(30);
    const session = await stack().call(undefined, 'GET', '/v1/assessment/session', asYouth(code));
    expect(session.body).toMatchObject({
      minor: false,
      consent: { given: false },
      counsellor: COUNSELLOR_CONTACT,
    });
    expect(session.text).not.toContain('"key"');

    const noConsent = await stack().call(
      undefined,
      'POST',
      '/v1/assessment/submission',
      asYouth(code, { body: { idempotencyKey: 'device-key-1', interests: answers(), aptitude: {} } }),
    );
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.fields[0].field).toBe('consent');

    const given = await stack().call(
      undefined,
      'POST',
      '/v1/assessment/consent',
      asYouth(code, { body: consent() }),
    );
    expect(given.status).toBe(201);

    // The device works the sections out: every numerical item right, clerical all "same".
    const sections = generateAptitudeSections(
      (await stack().deps.assessment.invitations.get('Y-NEW-5', made.body.invitationId))!.aptitudeSeed,
    );
    const aptitude = {
      numerical: { answers: sections[0]!.items.map((i) => i.key), elapsedMs: 180_000 },
      clerical: { answers: sections[1]!.items.map(() => 0), elapsedMs: 100_000 },
    };
    const body = { idempotencyKey: 'device-key-1', interests: answers(), aptitude };
    const [first, concurrent] = await Promise.all([
      stack().call(undefined, 'POST', '/v1/assessment/submission', asYouth(code, { body })),
      stack().call(undefined, 'POST', '/v1/assessment/submission', asYouth(code, { body })),
    ]);
    expect([first.status, concurrent.status]).toEqual([202, 202]);
    expect(first.body.uploadId).toBe(concurrent.body.uploadId);
    const replay = await stack().call(
      undefined,
      'POST',
      '/v1/assessment/submission',
      asYouth(code, { body }),
    );
    expect(replay.body).toMatchObject({ uploadId: first.body.uploadId, replay: true });
    const second = await stack().call(
      undefined,
      'POST',
      '/v1/assessment/submission',
      asYouth(code, { body: { ...body, idempotencyKey: 'another-device' } }),
    );
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/sudah dikirim/);

    const key = `incoming/assessments/PROGRAMME/${first.body.uploadId}/assessment.json`;
    const object = await stack().s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    const [record] = JSON.parse(await object.Body!.transformToString());
    expect(record).toMatchObject({
      youth_id: 'Y-NEW-5',
      instrument: MINI,
      district: SEMARANG,
      birth_date: NEW_YOUTH.birthDate,
      aptitudes: { numerical: { correct: 10, total: 10 }, clerical: { correct: 10, total: 20 } },
    });

    expect((await stack().call(undefined, 'GET', '/v1/assessment/status', asYouth(code))).body.state).toBe(
      'processing',
    );
    expect((await stack().call(undefined, 'GET', '/v1/assessment/results', asYouth(code))).status).toBe(404);
    const outcome = await runIngest(key);
    expect(outcome.outcome).toBe('done');
    const status = await stack().call(undefined, 'GET', '/v1/assessment/status', asYouth(code));
    expect(status.body.state).toBe('ready');

    const results = await stack().call(undefined, 'GET', '/v1/assessment/results', asYouth(code));
    expect(results.status).toBe(200);
    expect(results.body.hollandCode).toBe('RIC');
    expect(results.body.hollandExplained).toBe('Realistis - Investigatif - Konvensional');
    expect(results.body.interests.map((i: { letter: string }) => i.letter)).toEqual(['R', 'I', 'C']);
    expect(results.body.interests[0].examples.length).toBeGreaterThan(0);
    expect(results.body.nextStep.counsellor).toEqual(COUNSELLOR_CONTACT);
    expect(results.text).not.toMatch(/"score"|percentile/);
    const english = await stack().call(undefined, 'GET', '/v1/assessment/results?lang=en', asYouth(code));
    expect(english.body.hollandExplained).toBe('Realistic - Investigative - Conventional');

    // The counsellor sees the scored assessment, with the on-screen aptitudes on the subtests' scale.
    const profile = await stack().call('counsellor', 'GET', '/v1/youth/Y-NEW-5');
    expect(profile.body.aptitudes.numerical).toEqual({
      correct: 10,
      total: 10,
      percentile: 99,
      norm: 'default',
    });
    expect(profile.body.aptitudes.clerical).toMatchObject({ correct: 10, total: 20, percentile: 24 });
    const invitations = await stack().call('counsellor', 'GET', '/v1/youth/Y-NEW-5/invitations');
    expect(invitations.body.items[0]).toMatchObject({ status: 'submitted', uploadId: first.body.uploadId });
    const revoke = await stack().call(
      'counsellor',
      'POST',
      `/v1/youth/Y-NEW-5/invitations/${made.body.invitationId}/revoke`,
    );
    expect(revoke.status).toBe(409);

    // Data-subject rights: consent and invitations are exported, and erased with the youth.
    const exported = await stack().call('admin', 'GET', '/v1/youth/Y-NEW-5/export');
    expect(exported.body.consents).toHaveLength(1);
    expect(exported.body.consents[0]).toMatchObject({ textVersion: CONSENT_TEXT.version, minor: false });
    expect(exported.body.invitations).toHaveLength(1);
    expect(JSON.stringify(exported.body.invitations)).not.toMatch(/codeHash|aptitudeSeed/);
    const erased = await stack().call('admin', 'DELETE', '/v1/youth/Y-NEW-5');
    expect(erased.body.erased).toMatchObject({ profiles: 1, invitations: 1, consents: 1 });
    const after = await stack().call(undefined, 'GET', '/v1/assessment/status', asYouth(code));
    expect(after.status).toBe(404);
  });
});
