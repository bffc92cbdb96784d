import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/domain/errors';
import {
  assignCase,
  CASE_STATUSES,
  CASE_TRANSITIONS,
  type ComplaintCase,
  changeStatus,
  countCases,
  isOverdue,
  openCase,
  referCase,
  updateReferral,
} from '#core/protection/cases';
import { EXAMPLE_SERVICE_DIRECTORY, parseServiceDirectory } from '#core/protection/services';

const at = '2026-12-01T03:00:00.000Z';
const counsellor = { role: 'counsellor', id: 'c-1' };
const manager = { role: 'manager', id: 'm-1' };

function opened(severity = 'high'): ComplaintCase {
  return openCase(
    {
      caseId: 'C-1',
      youthId: 'Y-1',
      district: '3374',
      category: 'unpaid_or_late_wages',
      severity,
      description: 'Gaji bulan November belum dibayar',
      raisedBy: counsellor,
    },
    at,
  );
}

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => `${i.field}: ${i.reason}`).join('; ');
  }
  throw new Error('expected a ValidationError');
}

describe('opening a case', () => {
  it('starts open, assigned to the counsellor, due by the severity time limit, with history', () => {
    const c = opened();
    expect(c).toMatchObject({
      status: 'open',
      assignee: counsellor,
      dueBy: '2026-12-03T03:00:00.000Z',
      version: 1,
    });
    expect(c.history).toEqual([{ at, by: counsellor, action: 'opened', to: 'open' }]);
    expect(opened('low').dueBy).toBe('2026-12-15T03:00:00.000Z');
  });

  it('refuses an unknown category or severity with the allowed values, in Indonesian', () => {
    const unknown = reasonOf(() =>
      openCase({ ...opened(), category: 'gaji', severity: 'high' } as never, at),
    );
    expect(unknown).toMatch(
      /^category: kategori "gaji" tidak dikenal; pilih salah satu: unpaid_or_late_wages/,
    );
    expect(reasonOf(() => opened('urgent'))).toMatch(/^severity: tingkat keparahan "urgent" tidak dikenal/);
  });

  it('a case raised by the youth starts unassigned', () => {
    const c = openCase({ ...opened(), severity: 'medium', raisedBy: { role: 'youth', id: 'INV-1' } }, at);
    expect(c.assignee).toBeUndefined();
  });
});

describe('the lifecycle', () => {
  const later = '2026-12-02T03:00:00.000Z';

  it('moves open -> in_review -> referred -> resolved, each step in the history with who and when', () => {
    let c = changeStatus(opened(), 'in_review', manager, 'ditangani pengawas', later);
    c = referCase(c, 'contoh-disnaker-mediasi', EXAMPLE_SERVICE_DIRECTORY, counsellor, 'mediasi upah', later);
    expect(c.status).toBe('referred');
    expect(c.referral).toMatchObject({ serviceId: 'contoh-disnaker-mediasi', status: 'sent' });
    c = updateReferral(c, 'accepted', counsellor, 'Disnaker menerima', later);
    c = updateReferral(c, 'completed', counsellor, 'upah dibayar penuh', later);
    c = changeStatus(c, 'resolved', counsellor, 'upah sudah dibayar', later);
    expect(c.history.map((e) => [e.action, e.from, e.to, e.by.id])).toEqual([
      ['opened', undefined, 'open', 'c-1'],
      ['status', 'open', 'in_review', 'm-1'],
      ['referred', 'in_review', 'contoh-disnaker-mediasi', 'c-1'],
      ['referral_status', 'sent', 'accepted', 'c-1'],
      ['referral_status', 'accepted', 'completed', 'c-1'],
      ['status', 'referred', 'resolved', 'c-1'],
    ]);
  });

  const pairs = CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)('%s -> %s is allowed only as the table says', (from, to) => {
    const c = { ...opened(), status: from };
    const allowed = CASE_TRANSITIONS[from].includes(to) && to !== 'referred';
    if (allowed) expect(changeStatus(c, to, manager, 'alasan cukup', later).status).toBe(to);
    else expect(reasonOf(() => changeStatus(c, to, manager, 'alasan cukup', later))).toMatch(/^status: /);
  });

  it('says which steps may come next when a change is out of order', () => {
    expect(reasonOf(() => changeStatus(opened(), 'resolved', manager, 'selesai saja', later))).toBe(
      'status: perubahan status dari open ke resolved tidak diizinkan; berikutnya: in_review, closed (status change out of order)',
    );
  });

  it('needs a reason for every status change', () => {
    expect(reasonOf(() => changeStatus(opened(), 'closed', manager, ' ', later))).toMatch(
      /^reason: alasan wajib/,
    );
  });

  it('refuses a referral to a service that does not exist or does not serve the district', () => {
    const c = changeStatus(opened(), 'in_review', manager, 'ditangani', later);
    expect(
      reasonOf(() => referCase(c, 'lbh-tidak-ada', EXAMPLE_SERVICE_DIRECTORY, manager, undefined, later)),
    ).toBe(
      'serviceId: layanan "lbh-tidak-ada" tidak ada di direktori kabupaten/kota 3374 (no such service for the district)',
    );
    const elsewhere = parseServiceDirectory({
      services: [
        {
          id: 'ppa-kendal',
          kind: 'violence_support',
          name: 'PPA',
          districts: ['3324'],
          contact: 'x',
          example: true,
        },
      ],
    });
    expect(reasonOf(() => referCase(c, 'ppa-kendal', elsewhere, manager, undefined, later))).toMatch(
      /^serviceId:/,
    );
    expect(
      reasonOf(() =>
        referCase(opened(), 'contoh-uptd-ppa', EXAMPLE_SERVICE_DIRECTORY, manager, undefined, later),
      ),
    ).toMatch(/rujukan hanya dari in_review/);
  });

  it('keeps assignments in the history and refuses them once the case is final', () => {
    const c = assignCase(opened(), manager, counsellor, later);
    expect(c.assignee).toEqual(manager);
    expect(c.history.at(-1)).toMatchObject({ action: 'assigned', from: 'c-1', to: 'm-1' });
    const closed = changeStatus(opened(), 'closed', manager, 'dicabut pelapor', later);
    expect(reasonOf(() => assignCase(closed, manager, counsellor, later))).toMatch(/final/);
  });

  it('is overdue past its time limit while open or in review, and counts in a summary', () => {
    expect(isOverdue(opened(), '2026-12-03T03:00:00.001Z')).toBe(true);
    expect(isOverdue(opened(), '2026-12-03T03:00:00.000Z')).toBe(false);
    const outside = {
      ...opened(),
      opportunity: { kind: 'job' as const, id: 'V-9', ownerId: 'E', ownerName: 'PT', district: '3324' },
    };
    const counts = countCases([opened(), outside], '2026-12-04T00:00:00.000Z', ['3374']);
    expect(counts).toMatchObject({ total: 2, open: 2, overdue: 2, aboutEmployersOutside: 1 });
    expect(counts.bySeverity.high).toBe(2);
  });
});

describe('the service directory', () => {
  it('ships only placeholders marked as examples, one of each kind', () => {
    expect(EXAMPLE_SERVICE_DIRECTORY.services.map((s) => [s.kind, s.example])).toEqual([
      ['labour_mediation', true],
      ['violence_support', true],
      ['legal_aid', true],
    ]);
    for (const s of EXAMPLE_SERVICE_DIRECTORY.services) expect(s.name).toMatch(/^CONTOH/);
  });

  it('refuses a directory with duplicate ids or bad districts, naming each problem', () => {
    const entry = {
      id: 'a',
      kind: 'legal_aid',
      name: 'LBH',
      districts: ['33'],
      contact: 'x',
      example: false,
    };
    expect(() => parseServiceDirectory({ services: [entry, { ...entry, districts: '*' }] })).toThrow(
      /duplicate id a/,
    );
  });
});
