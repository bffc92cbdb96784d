/**
 * The routes the employer, provider and manager workspaces use, through the real handler against
 * dynalite and s3rver: own uploads and opportunities, the upload template, reports in Indonesian,
 * the "interested" action and what the counsellor sees of it, the dashboard, its exports and the
 * latest fairness audit.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DynamoOpportunityRepository } from '#functions/adapters/dynamodb/opportunities';
import { AUDIT, SEMARANG, storedVacancy } from './fixtures.ts';
import { storeAudit, useApiStack } from './harness.ts';

const api = useApiStack();

describe('employer and provider: own records', () => {
  it("lists the own uploads with status and counts, and nobody else's", async () => {
    const employer = await api().call('employer', 'GET', '/v1/uploads');
    expect(employer.status).toBe(200);
    expect(employer.body.items).toEqual([
      {
        uploadId: 'U-E1',
        kind: 'vacancies',
        fileName: 'lowongan.csv',
        status: 'processed',
        createdAt: '2026-11-19T02:00:00.000Z',
        counts: { rows: 3, accepted: 2, rejected: 1, warnings: 0, stored: 2, stale: 0 },
      },
    ]);
    const provider = await api().call('provider', 'GET', '/v1/uploads');
    expect(provider.body.items.map((u: { uploadId: string }) => u.uploadId)).toEqual(['U-P1']);
    expect((await api().call('employerOther', 'GET', '/v1/uploads')).body.items).toEqual([]);
  });

  it('lists own vacancies (employer) and training offers (provider) with how many youth have them', async () => {
    const vacancies = await api().call('employer', 'GET', '/v1/opportunities');
    expect(vacancies.body).toEqual({
      kind: 'job',
      items: [
        {
          opportunityId: 'V-1',
          title: 'Operator Forklift',
          district: SEMARANG,
          capacity: 3,
          deadline: '2026-12-31',
          recommendedTo: 3,
        },
      ],
    });
    const trainings = await api().call('provider', 'GET', '/v1/opportunities');
    expect(trainings.body.kind).toBe('training');
    expect(trainings.body.items).toMatchObject([{ opportunityId: 'T-1', recommendedTo: 1, capacity: 3 }]);
  });

  it('shows the rejected rows of a report in Indonesian by default and in English on request', async () => {
    const id = await api().call('employer', 'GET', '/v1/uploads/U-E1');
    expect(id.body.report.rejected).toEqual([
      { file: 'lowongan.csv', row: 3, field: 'closing_date', reason: 'must be a date' },
    ]);
    // The fixture's reason is not one the parsers write; a real one is translated:
    const stack = api();
    const { DynamoReportRepository } = await import('#functions/adapters/dynamodb/reports');
    const reports = new DynamoReportRepository({ client: stack.dynamo.client, tableName: stack.tableName });
    const stored = await reports.get('U-E1');
    const reason = 'must be a date written YYYY-MM-DD or DD/MM/YYYY, got "31-31-2026"';
    await reports.put({
      ...stored!,
      uploadId: 'U-E1-ID',
      report: {
        ...stored!.report,
        rejected: [{ file: 'lowongan.csv', row: 3, field: 'closing_date', reason }],
      },
    });
    const indonesian = await api().call('employer', 'GET', '/v1/uploads/U-E1-ID');
    expect(indonesian.body.report.rejected[0].reason).toBe(
      'harus tanggal dengan format YYYY-MM-DD atau DD/MM/YYYY, isinya "31-31-2026"',
    );
    const english = await api().call('employer', 'GET', '/v1/uploads/U-E1-ID?lang=en');
    expect(english.body.report.rejected[0].reason).toBe(reason);
  });

  it("hands out the XLSX template with the caller's own id in the example row", async () => {
    const response = await api().call('employer', 'GET', '/v1/templates/vacancies');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toBe('attachment; filename="templat-lowongan.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('lowongan')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('ID Perusahaan');
    expect(sheet.getRow(2).getCell(2).value).toBe('E1');
    expect((await api().call('employer', 'GET', '/v1/templates/trainings')).status).toBe(403);
  });
});

describe('the employer\'s "interested" action', () => {
  it("records interest once, shows it to the employer and to the youth's counsellor, and names no youth", async () => {
    const list = await api().call('employer', 'GET', '/v1/vacancies/V-1/candidates');
    expect(list.body.items.every((c: { interested: boolean }) => c.interested === false)).toBe(true);
    const best = list.body.items[0].candidate as string;
    const first = await api().call('employer', 'POST', `/v1/vacancies/V-1/candidates/${best}/interest`);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      vacancyId: 'V-1',
      candidate: best,
      interestedAt: '2026-11-20T03:00:00.000Z',
      recorded: true,
    });
    expect(first.text).not.toMatch(/Y-[SK]\d/);
    const again = await api().call('employer', 'POST', `/v1/vacancies/V-1/candidates/${best}/interest`);
    expect(again.status).toBe(200);
    expect(again.body.recorded).toBe(false);

    const after = await api().call('employer', 'GET', '/v1/vacancies/V-1/candidates');
    expect(after.body.items.map((c: { interested: boolean }) => c.interested)).toEqual([true, false, false]);
    expect(after.text).not.toMatch(/Y-[SK]\d/);

    // The best candidate of V-1 is Y-S1 (0.9), a youth of Semarang.
    const history = await api().call('counsellor', 'GET', '/v1/youth/Y-S1/outcomes');
    const interests = history.body.items.filter((o: { type: string }) => o.type === 'employer_interest');
    expect(interests).toEqual([
      expect.objectContaining({
        type: 'employer_interest',
        actor: { role: 'employer', id: 'e-1' },
        opportunity: { kind: 'job', id: 'V-1' },
      }),
    ]);
    const counsellorList = await api().call('counsellor', 'GET', '/v1/vacancies/V-1/candidates');
    expect(
      counsellorList.body.items.map((c: { youthId: string; employerInterested: boolean }) => [
        c.youthId,
        c.employerInterested,
      ]),
    ).toEqual([
      ['Y-S1', true],
      ['Y-S2', false],
    ]);
  });

  it('answers 404 for a pseudonym that is not on the list, and counsellors cannot record it', async () => {
    const unknown = await api().call(
      'employer',
      'POST',
      '/v1/vacancies/V-1/candidates/cand_AAAAAAAAAAAAAAAAAAAAAA/interest',
    );
    expect(unknown.status).toBe(404);
    const counsellor = await api().call('counsellor', 'POST', '/v1/youth/Y-S2/outcomes', {
      body: { type: 'employer_interest' },
    });
    expect(counsellor.status).toBe(400);
  });
});

describe("the manager's dashboard, exports and audit", () => {
  it('counts the assessment results, recommendations, open opportunities and crowding per district', async () => {
    const response = await api().call('manager', 'GET', '/v1/reports/dashboard');
    expect(response.status).toBe(200);
    const [semarang] = response.body.districts;
    expect(response.body.districts).toHaveLength(1);
    expect(semarang).toMatchObject({
      district: SEMARANG,
      name: 'Kota Semarang',
      youth: 3,
      withRecommendations: 2,
      withoutUsableProfile: 0,
      openVacancies: 1,
      openings: 3,
      openTrainings: 1,
      seats: 3,
      genderReview: [],
      congestion: [{ vacancyId: 'V-1', openings: 3, topPicks: 2 }],
    });
    const holland = semarang.holland.filter((h: { count: number }) => h.count > 0);
    expect(holland).toEqual([{ letter: 'S', gender: 'F', count: 3 }]);
    expect(semarang.aptitude).toContainEqual({ subtest: 'numerical', gender: 'F', band: 70, count: 3 });
    expect(response.body.programme.youth).toBe(3);
  });

  it('exports a table as CSV with formula-like cells neutralised, and every table as XLSX', async () => {
    const stack = api();
    const opportunities = new DynamoOpportunityRepository({
      client: stack.dynamo.client,
      tableName: stack.tableName,
    });
    const hostile = storedVacancy('V-EVIL', 'E1', SEMARANG);
    hostile.profile.title = '=HYPERLINK("http://x","klik")';
    await opportunities.put(hostile);
    const csv = await api().call('manager', 'GET', '/v1/reports/export?format=csv&table=congestion');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.startsWith('\uFEFFKode BPS,Kabupaten/Kota,ID Lowongan')).toBe(true);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(csv.text).not.toMatch(/,=HYPERLINK/);

    const xlsx = await api().call('manager', 'GET', '/v1/reports/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'kabupaten',
      'kode_holland',
      'bakat',
      'syarat_gender',
      'kepadatan',
    ]);
    const titles = workbook.getWorksheet('kepadatan')!.getColumn(4).values;
    expect(titles).toContain(`'=HYPERLINK("http://x","klik")`);

    const noTable = await api().call('manager', 'GET', '/v1/reports/export?format=csv');
    expect(noTable.status).toBe(400);
    expect(noTable.body.fields).toEqual([
      { field: 'table', reason: 'is required for CSV (one table per file)' },
    ]);
  });

  it("serves the latest stored fairness audit, with only the manager's own district rows", async () => {
    expect((await api().call('manager', 'GET', '/v1/reports/audit')).status).toBe(404);
    await storeAudit(api(), { ...AUDIT, asOf: '2026-11-18', youthCount: 1 });
    await storeAudit(api(), AUDIT);
    const response = await api().call('manager', 'GET', '/v1/reports/audit');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      key: 'reports/audits/2026-11-19.json',
      asOf: '2026-11-19',
      youthCount: 3,
    });
    expect(
      response.body.groups.map((g: { group: string; value: string }) => `${g.group}:${g.value}`),
    ).toEqual(['gender:F', `district:${SEMARANG}`]);
    expect(response.body.genderRequirementReview).toHaveLength(1);
  });
});
