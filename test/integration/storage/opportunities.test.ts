import { createHash } from 'node:crypto';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '#core/domain/errors';
import { DynamoOpportunityRepository } from '#functions/adapters/dynamodb/opportunities';
import { storedTraining, storedVacancy } from './fixtures.ts';
import { useDynamo } from './harness.ts';

describe('DynamoOpportunityRepository against dynalite', () => {
  const { table } = useDynamo();

  it('stores vacancies and training offers with record and profile, apart by kind', async () => {
    const repo = new DynamoOpportunityRepository(await table());
    const job = storedVacancy('V1');
    const course = storedTraining('V1');
    await repo.put(job);
    await repo.put(course);
    expect(await repo.get('job', 'V1')).toEqual(job);
    expect(await repo.get('training', 'V1')).toEqual(course);
    expect(await repo.get('job', 'V2')).toBeUndefined();
  });

  it('never lets an older version overwrite a newer one', async () => {
    const repo = new DynamoOpportunityRepository(await table());
    await repo.put(storedVacancy('V1', 2, { openings: 5 }));
    await expect(repo.put(storedVacancy('V1', 1, { openings: 9 }))).rejects.toBeInstanceOf(ConflictError);
    const result = await repo.putMany([storedVacancy('V1', 1, { openings: 9 }), storedVacancy('V2', 1)]);
    expect(result).toEqual({ written: 1, stale: ['V1'] });
    const stored = await repo.get('job', 'V1');
    expect(stored?.kind === 'job' && stored.record.openings).toBe(5);
  });

  it('keeps the newest of two versions of one vacancy in the same batch', async () => {
    const repo = new DynamoOpportunityRepository(await table());
    const result = await repo.putMany([
      storedVacancy('V1', 3, { openings: 3 }),
      storedVacancy('V1', 2, { openings: 2 }),
    ]);
    expect(result.written).toBe(1);
    const stored = await repo.get('job', 'V1');
    expect(stored?.version).toBe(3);
  });

  it('refuses a record whose profile describes another opportunity', async () => {
    const repo = new DynamoOpportunityRepository(await table());
    const mismatched = storedVacancy('V1');
    mismatched.profile = { ...mismatched.profile, id: 'V2' };
    await expect(repo.put(mismatched)).rejects.toBeInstanceOf(ValidationError);
  });

  it('lists only opportunities still open on the reference date, per district', async () => {
    const repo = new DynamoOpportunityRepository(await table());
    await repo.putMany([
      storedVacancy('V-closed', 1, { closing_date: '2026-10-31' }),
      storedVacancy('V-today', 1, { closing_date: '2026-11-01' }),
      storedVacancy('V-later', 1, { closing_date: '2027-01-15' }),
      storedVacancy('V-elsewhere', 1, { closing_date: '2027-01-15', district: '3301' }),
      storedVacancy('V-far', 1, { closing_date: '2027-01-15', district: '3310' }),
      storedTraining('T-open', 1, { start_date: '2026-12-01' }),
    ]);
    const open = await repo.listOpen('job', { districts: ['3374', '3301'], asOf: '2026-11-01' });
    expect(open.map((o) => o.profile.id).sort()).toEqual(['V-elsewhere', 'V-later', 'V-today']);
    const trainings = await repo.listOpen('training', { districts: ['3374'], asOf: '2026-11-01' });
    expect(trainings.map((o) => o.profile.id)).toEqual(['T-open']);
  });

  it('scopes lists to the owner and pages them', async () => {
    const repo = new DynamoOpportunityRepository(await table());
    await repo.putMany([
      ...Array.from({ length: 5 }, (_, i) => storedVacancy(`V${i}`, 1, { employer_id: 'E1' })),
      storedVacancy('V-other', 1, { employer_id: 'E2' }),
      storedTraining('T1', 1, { provider_id: 'E1' }),
    ]);
    const first = await repo.listByOwner('job', 'E1', { limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.cursor).toBeDefined();
    const second = await repo.listByOwner('job', 'E1', { limit: 3, cursor: first.cursor! });
    const ids = [...first.items, ...second.items].map((o) => o.profile.id);
    expect(ids).toEqual(['V0', 'V1', 'V2', 'V3', 'V4']);
    // A provider with the same id as an employer sees only its own training offers.
    expect((await repo.listByOwner('training', 'E1')).items.map((o) => o.profile.id)).toEqual(['T1']);
    const byDistrict = await repo.listByDistrict('job', '3374', { limit: 10 });
    expect(byDistrict.items).toHaveLength(6);
  });

  it('round-trips every field of record and profile through each read path', async () => {
    const repo = new DynamoOpportunityRepository(await table());
    const job = storedVacancy('V1', 7, {
      employer_name: 'PT "Sinar" Jaya \u00e9',
      min_age: 18,
      max_age: 35,
      skills: [],
      riasec: [6.5, 1, 1.25, 2, 3, 7],
      accessible_for: ['seeing', 'walking'],
      gender_requirement: 'female',
      wage_monthly_idr: 3_250_000.5,
      contract_type: 'internship',
      bpjs_ketenagakerjaan: false,
    });
    job.profile = {
      ...job.profile,
      riasec: [6.5, 1, 1.25, 2, 3, 7],
      riasecSource: 'override',
      minAge: 18,
      maxAge: 35,
      skills: [],
      contractType: 'internship',
      genderRequirement: 'female',
      wageMonthlyIdr: 3_250_000.5,
    };
    const course = storedTraining('T1', 2, { certified: true, accessible_for: [], min_age: 16 });
    course.profile = { ...course.profile, costIdr: 0, durationDays: 30, certified: true, minAge: 16 };
    await repo.put(job);
    await repo.putMany([course]);

    expect(await repo.get('job', 'V1')).toEqual(job);
    expect(await repo.get('training', 'T1')).toEqual(course);
    expect((await repo.listByDistrict('job', '3374')).items).toEqual([job]);
    expect((await repo.listByOwner('training', 'P1')).items).toEqual([course]);
    expect(await repo.listOpen('job', { districts: ['3374'], asOf: '2026-11-01' })).toEqual([job]);
  });

  it('stores record and profile as one JSON string attribute beside the key, index and version attributes', async () => {
    const options = await table();
    await new DynamoOpportunityRepository(options).put(storedVacancy('V1', 3));
    const { Item } = await options.client.send(
      new GetItemCommand({ TableName: options.tableName, Key: { pk: { S: 'VAC#V1' }, sk: { S: 'VAC' } } }),
    );
    expect(Object.keys(Item ?? {}).sort()).toEqual(
      ['document', 'entity', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'kind', 'pk', 'sk', 'version'].sort(),
    );
    expect(Item?.version).toEqual({ N: '3' });
    expect(Item?.kind).toEqual({ S: 'job' });
    expect(Item?.entity).toEqual({ S: 'vacancy' });
    const { record, profile } = storedVacancy('V1', 3);
    expect(JSON.parse(Item?.document?.S ?? '')).toEqual({ record, profile });
  });

  it('refuses an opportunity whose item would exceed the size budget, before writing anything', async () => {
    const repo = new DynamoOpportunityRepository(await table());
    // Hashes barely compress: 10,000 of them are 430 KB of JSON, in the record and again in the profile.
    const skills = Array.from({ length: 10_000 }, (_, i) =>
      createHash('sha256').update(`skill/${i}`).digest('base64url'),
    );
    const huge = storedVacancy('V-huge', 1, { skills });
    huge.profile = { ...huge.profile, skills };
    const refusal = await repo.put(huge).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).issues).toEqual([
      expect.objectContaining({ record: 'V-huge', field: 'size' }),
    ]);
    await expect(repo.putMany([storedVacancy('V1'), huge])).rejects.toBeInstanceOf(ValidationError);
    expect(await repo.get('job', 'V-huge')).toBeUndefined();
    expect(await repo.get('job', 'V1')).toBeUndefined();
    // A tenth of that fits.
    const large = storedVacancy('V1', 1, { skills: skills.slice(0, 1_000) });
    large.profile = { ...large.profile, skills: skills.slice(0, 1_000) };
    await repo.put(large);
    expect(await repo.get('job', 'V1')).toEqual(large);
  });
});
