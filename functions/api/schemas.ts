/**
 * The API's contract as zod schemas: what each route accepts (path, query, body) and what it
 * returns. The handlers parse requests with them, the tests check real responses against them, and
 * openapi/openapi.json is generated from them, so the three cannot drift apart. Response objects
 * are strict: a field a view does not list fails the contract test instead of reaching a caller.
 */
import { z } from 'zod';
import { SCREEN_SUBTESTS } from '#core/assessment/aptitude';
import { GUARDIAN_RELATIONSHIPS } from '#core/assessment/consent';
import { INVITATION_STATUSES, MAX_INVITATION_DAYS } from '#core/assessment/invitation';
import { DISABILITY_DOMAINS } from '#core/domain/disability';
import { EDUCATION_LEVELS } from '#core/domain/education';
import { LANGUAGES } from '#core/domain/language';
import { APTITUDE_SUBTESTS, CONTRACT_TYPES, RECORD_KINDS } from '#core/domain/records';
import { RIASEC } from '#core/domain/riasec';
import { defaultInstruments } from '#core/instruments/registry';
import { COUNSELLOR_OUTCOME_TYPES, OUTCOME_TYPES } from '#core/ports';
import { CASE_CATEGORIES, CASE_SEVERITIES } from '#core/protection/cases';
import { TEMPLATE_KINDS } from '#core/records/template';
import { GENDERS } from '#core/usecases/dashboard';

/** The named response schemas: they become `components.schemas` of the OpenAPI document. */
export const apiComponents = z.registry<{ id: string }>();

// ---- request parts ---------------------------------------------------------------------------

/** Record ids as the upload formats allow them (text up to 100 characters), minus separators. */
export const recordId = z
  .string()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .regex(/^[^\p{Cc}/\\]+$/u, 'must not contain control characters or slashes');

export const districtCode = z.string().regex(/^\d{4}$/, 'must be a 4-digit BPS district code');

const limitParam = z
  .string()
  .regex(/^[1-9]\d{0,2}$/, 'must be a whole number from 1 to 100')
  .transform(Number)
  .refine((n) => n <= 100, 'must be a whole number from 1 to 100');

const cursorParam = z.string().min(1).max(2048).describe('Opaque cursor from the previous page');

export const youthPath = z.strictObject({ youthId: recordId });
export const vacancyPath = z.strictObject({ vacancyId: recordId });
export const uploadPath = z.strictObject({
  uploadId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not an upload id'),
});

export const noQuery = z.strictObject({});

export const candidatePath = z.strictObject({
  vacancyId: recordId,
  candidate: z.string().regex(/^cand_[A-Za-z0-9_-]{8,64}$/, 'is not a candidate pseudonym'),
});

export const templatePath = z.strictObject({ kind: z.enum(TEMPLATE_KINDS) });

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

export const pageQuery = z.strictObject({ cursor: cursorParam.optional(), limit: limitParam.optional() });

const yesNoParam = z.enum(['true', 'false'], 'must be true or false').transform((v) => v === 'true');

export const youthListQuery = z.strictObject({
  district: districtCode,
  cursor: cursorParam.optional(),
  limit: limitParam.optional(),
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .optional()
    .describe('Search: part of the youth id or display name, any case'),
  flag: z
    .string()
    .regex(/^[a-z_]{1,60}$/, 'must be a flag code such as interests_flat')
    .optional()
    .describe('Only youth whose profile carries this data-quality flag'),
  noFeasibleJob: yesNoParam.optional().describe('true: only youth with no job in their recommendations'),
  accommodationNeed: yesNoParam.optional().describe('true: only youth with an accommodation need'),
  outcome: z
    .enum([...OUTCOME_TYPES, 'none'])
    .optional()
    .describe('Only youth whose latest follow-up is of this type (none: without follow-up)'),
});

export const recommendationsQuery = z.strictObject({
  lang: z.enum(LANGUAGES).optional().describe('Language of the explanations; Indonesian by default'),
});

export const uploadReportQuery = z.strictObject({
  lang: z
    .enum(LANGUAGES)
    .optional()
    .describe('Language of the reasons of rejected rows and warnings; Indonesian by default'),
});

export const summaryQuery = z.strictObject({
  district: z
    .string()
    .regex(/^\d{4}(,\d{4})*$/, 'must be 4-digit BPS district codes separated by commas')
    .optional()
    .describe('Districts to report on (comma-separated); all the caller may see when absent'),
});

export const outcomeBody = z
  .strictObject({
    type: z.enum(COUNSELLOR_OUTCOME_TYPES),
    opportunity: z
      .strictObject({ kind: z.enum(['job', 'training']), id: recordId })
      .optional()
      .describe('The vacancy or training offer the outcome is about; required for a complaint'),
    note: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(1000, 'must be at most 1000 characters')
      .optional()
      .describe('Required for a complaint: what happened, without names or ID numbers'),
  })
  .superRefine((body, ctx) => {
    if (body.type !== 'complaint') return;
    if (!body.opportunity) {
      ctx.addIssue({ code: 'custom', path: ['opportunity'], message: 'a complaint names the opportunity' });
    }
    if (!body.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'a complaint needs a note' });
  });

/** What the ingest pipeline reads (functions/shared/files/format.ts), with the media type to send. */
export const UPLOAD_CONTENT_TYPES = {
  csv: 'text/csv',
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  ndjson: 'application/x-ndjson',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const uploadBody = z.strictObject({
  kind: z.enum(RECORD_KINDS),
  fileName: z
    .string()
    .min(1)
    .max(200, 'must be at most 200 characters')
    .regex(/^[^\p{Cc}/\\]+$/u, 'must be a file name without folders')
    .regex(/\.(csv|json|jsonl|ndjson|xlsx)$/i, 'must end in .csv, .json, .jsonl, .ndjson or .xlsx'),
  size: z.number().int('must be a whole number of bytes').positive('must be more than 0 bytes'),
});

// ---- assessment app: requests ----------------------------------------------------------------

const INSTRUMENT_IDS = defaultInstruments.map((i) => i.id) as [string, ...string[]];
const isoDate = z.iso.date('must be a date YYYY-MM-DD');
const aptitudeCount = z
  .strictObject({ correct: z.number().int().min(0), total: z.number().int().min(1).max(500) })
  .refine((c) => c.correct <= c.total, { message: 'correct must not exceed total', path: ['correct'] });
const paperAptitudes = z
  .strictObject(
    Object.fromEntries(APTITUDE_SUBTESTS.map((s) => [s, aptitudeCount.optional()])) as Record<
      (typeof APTITUDE_SUBTESTS)[number],
      z.ZodOptional<typeof aptitudeCount>
    >,
  )
  .describe('Paper results of subtests not taken on screen (numerical and clerical are)');

const counsellorContact = z.strictObject({
  name: z.string().trim().min(1).max(100),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number')
    .optional(),
  office: z.string().trim().min(1).max(200).optional(),
});

export const invitationBody = z
  .strictObject({
    youthId: recordId,
    youth: z
      .strictObject({
        district: districtCode,
        gender: z.enum(['F', 'M']),
        birthDate: isoDate,
        education: z.enum(EDUCATION_LEVELS),
        disability: z
          .partialRecord(
            z.enum(DISABILITY_DOMAINS),
            z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
          )
          .optional()
          .describe('Washington Group domains, 1 = no difficulty .. 4 = cannot do'),
        welfareDecile: z.number().int().min(1).max(10).optional(),
      })
      .optional()
      .describe('Registry fields of a youth not yet stored; omit for a stored youth'),
    instrument: z.enum(INSTRUMENT_IDS).describe('The 60-item form or the 30-item mini form'),
    expiresInDays: z.number().int().min(1).max(MAX_INVITATION_DAYS).optional().describe('7 when absent'),
    counsellor: counsellorContact.describe('Shown to the youth as the next step'),
    paperAptitudes: paperAptitudes.optional(),
  })
  .describe('A new invitation');

export const invitationPath = z.strictObject({ youthId: recordId, invitationId: recordId });
export const reissueBody = z.strictObject({
  expiresInDays: z.number().int().min(1).max(MAX_INVITATION_DAYS).optional(),
});
export const paperAptitudesBody = z.strictObject({ paperAptitudes });

export const instrumentPath = z.strictObject({ instrumentId: z.enum(INSTRUMENT_IDS) });

const consentGiven = z.strictObject({
  textVersion: z.string().min(1).max(100),
  givenAt: z.iso.datetime({ offset: true }),
  youthAgrees: z.boolean(),
  guardian: z
    .strictObject({
      name: z.string().trim().max(100),
      relationship: z.enum(GUARDIAN_RELATIONSHIPS),
      agrees: z.boolean(),
    })
    .optional(),
});
export const consentBody = consentGiven;

const sectionAnswers = z.strictObject({
  answers: z.array(z.number().int().min(0).max(9).nullable()).max(100),
  elapsedMs: z.number().int().min(0),
});

export const submissionBody = z.strictObject({
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9-]{8,100}$/, 'must be 8 to 100 letters, digits or dashes')
    .describe('Chosen once per invitation on the device; a retried send repeats it'),
  consent: consentGiven.optional().describe('When the consent could not be sent on its own (offline)'),
  interests: z.record(z.string().regex(/^[RIASEC]\d{2}$/), z.number().int().min(0).max(4).nullable()),
  aptitude: z.strictObject(
    Object.fromEntries(SCREEN_SUBTESTS.map((s) => [s, sectionAnswers.optional()])) as Record<
      (typeof SCREEN_SUBTESTS)[number],
      z.ZodOptional<typeof sectionAnswers>
    >,
  ),
});

export const resultsQuery = z.strictObject({ lang: z.enum(LANGUAGES).optional() });

// ---- responses -------------------------------------------------------------------------------

const educationLevel = z.enum(EDUCATION_LEVELS);
const disabilityDomain = z.enum(DISABILITY_DOMAINS);
const hollandCode = z.string().nullable();

const ranked = z.strictObject({ opportunityId: z.string(), score: z.number(), title: z.string().optional() });

const youthListItem = z.strictObject({
  youthId: z.string(),
  displayName: z.string().optional(),
  district: z.string(),
  education: educationLevel,
  hollandCode,
  accommodationNeeds: z.array(disabilityDomain),
  flags: z.array(z.string()),
  topJob: ranked.optional(),
  topTraining: ranked.optional(),
});

export const youthListResponse = z
  .strictObject({ items: z.array(youthListItem), cursor: z.string().optional() })
  .register(apiComponents, { id: 'YouthList' });

const interestScore = z.strictObject({
  score: z.number().nullable(),
  answered: z.number(),
  items: z.number(),
  prorated: z.boolean(),
});

const aptitude = z.strictObject({
  percentile: z.number(),
  correct: z.number(),
  total: z.number(),
  norm: z.enum(['default', 'cohort']),
});

function recordOf<V extends z.ZodType>(keys: readonly string[], value: V, required: boolean) {
  const shape = Object.fromEntries(keys.map((k) => [k, required ? value : value.optional()]));
  return z.strictObject(shape as Record<string, V>);
}

export const youthProfileResponse = z
  .strictObject({
    youthId: z.string(),
    displayName: z.string().optional().describe('How the counsellor recognises the youth'),
    phone: z.string().optional().describe('E.164, +62...'),
    district: z.string(),
    instrument: z.string(),
    assessedAt: z.string(),
    age: z.number().int(),
    education: educationLevel,
    hollandCode,
    interestProfile: z.array(z.number()).nullable(),
    interests: recordOf(RIASEC, interestScore, true),
    aptitudes: recordOf(APTITUDE_SUBTESTS, aptitude, false),
    skills: z.array(z.string()),
    unknownSkills: z.array(z.string()),
    preferences: z.strictObject({
      maxCommuteKm: z.number().optional(),
      willingToRelocate: z.boolean().optional(),
      contractTypes: z.array(z.enum(CONTRACT_TYPES)).optional(),
    }),
    accommodationNeeds: z.array(disabilityDomain),
    flags: z.array(z.string()),
  })
  .register(apiComponents, { id: 'YouthProfile' });

const components = z.strictObject({
  interest: z.number(),
  aptitude: z.number(),
  skills: z.number(),
  reach: z.number(),
});

const recommendation = z.strictObject({
  opportunityId: z.string(),
  kind: z.enum(['job', 'training']),
  title: z.string(),
  ownerName: z.string(),
  score: z.number(),
  components,
  sharedHolland: z.array(z.string()),
  missingSkills: z.array(z.string()),
  aptitudeGaps: z.array(
    z.strictObject({ subtest: z.enum(APTITUDE_SUBTESTS), percentile: z.number(), expected: z.number() }),
  ),
  distanceKm: z.number().nullable(),
  flags: z.array(z.string()),
  explanation: z.string(),
  workTerms: z
    .strictObject({
      wageMinIdr: z.number().optional(),
      wageMaxIdr: z.number().optional(),
      umkIdr: z.number().optional(),
      umkVersion: z.string().optional(),
      wageVsUmk: z.enum(['no_wage', 'no_umk', 'below_umk', 'at_or_above_umk']),
      contractType: z.enum(CONTRACT_TYPES).optional(),
      workingHoursPerWeek: z.number().optional(),
      bpjsKetenagakerjaan: z.boolean().optional(),
      bpjsKesehatan: z.boolean().optional(),
      explanation: z.string(),
    })
    .optional()
    .describe('Jobs: wage against the district UMK, contract, hours and BPJS (docs/protection.md)'),
  occupationProfile: z
    .array(z.number())
    .nullable()
    .describe(
      "The opportunity's RIASEC profile (O*NET 1-7, RIASEC order); null when its occupation is unknown",
    ),
});

const pathway = z.strictObject({
  jobId: z.string(),
  jobTitle: z.string(),
  ownerName: z.string(),
  interestCongruence: z.number(),
  gaps: z.array(z.string()),
  missingSkills: z.array(z.string()),
  requiredEducation: z.string(),
  trainings: z.array(
    z.strictObject({
      opportunityId: z.string(),
      title: z.string(),
      ownerName: z.string(),
      score: z.number(),
      closesSkills: z.array(z.string()),
      closesEducation: z.boolean(),
      distanceKm: z.number().nullable(),
    }),
  ),
  explanation: z.string(),
});

export const recommendationsResponse = z
  .strictObject({
    youthId: z.string(),
    asOf: z.string(),
    configVersion: z.string(),
    lang: z.enum(LANGUAGES),
    hollandCode,
    jobs: z.array(recommendation),
    trainings: z.array(recommendation),
    pathways: z.array(pathway),
    flags: z.array(z.string()),
  })
  .register(apiComponents, { id: 'Recommendations' });

const counsellorCandidate = z.strictObject({
  youthId: z.string(),
  district: z.string(),
  education: educationLevel,
  hollandCode,
  score: z.number(),
  rank: z.number().int().optional(),
  components: components.optional(),
  matchedSkills: z.array(z.string()),
  missingSkills: z.array(z.string()),
  accommodationNeeds: z.array(disabilityDomain),
  employerInterested: z
    .boolean()
    .describe("Whether the vacancy's employer has marked this youth as interesting"),
});

const employerCandidate = z.strictObject({
  candidate: z.string().regex(/^cand_/),
  score: z.number(),
  components: components.optional(),
  matchedSkills: z.array(z.string()),
  missingSkills: z.array(z.string()),
  interested: z.boolean().describe('Whether this employer has marked the candidate as interesting'),
});

export const candidatesResponse = z
  .strictObject({
    vacancyId: z.string(),
    view: z.enum(['counsellor', 'employer']),
    items: z.union([z.array(counsellorCandidate), z.array(employerCandidate)]),
    cursor: z.string().optional(),
  })
  .register(apiComponents, { id: 'Candidates' });

export const outcomeResponse = z
  .strictObject({
    outcomeId: z.string(),
    youthId: z.string(),
    type: z.enum(OUTCOME_TYPES),
    at: z.string(),
    actor: z.strictObject({ role: z.string(), id: z.string() }),
    opportunity: z.strictObject({ kind: z.enum(['job', 'training']), id: z.string() }).optional(),
    note: z.string().optional(),
    flaggedForReview: z.boolean(),
  })
  .register(apiComponents, { id: 'Outcome' });

export const outcomeListResponse = z
  .strictObject({
    youthId: z.string(),
    items: z.array(outcomeResponse.omit({ flaggedForReview: true })),
    cursor: z.string().optional(),
  })
  .register(apiComponents, { id: 'OutcomeHistory' });

export const uploadCreatedResponse = z
  .strictObject({
    uploadId: z.string(),
    kind: z.enum(RECORD_KINDS),
    method: z.literal('PUT'),
    url: z.string(),
    headers: z.strictObject({ 'content-type': z.string(), 'content-length': z.string() }),
    expiresAt: z.string(),
    maxBytes: z.number().int(),
  })
  .register(apiComponents, { id: 'UploadCreated' });

const issue = z.strictObject({
  file: z.string().optional(),
  row: z.number().optional(),
  record: z.string().optional(),
  field: z.string(),
  reason: z.string(),
});

const reportCounts = z.strictObject({
  rows: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  warnings: z.number(),
  stored: z.number(),
  stale: z.number(),
});

const processingReport = z.strictObject({
  asOf: z.string(),
  processedAt: z.string(),
  counts: reportCounts,
  rejected: z.array(issue),
  warnings: z.array(issue),
  review: z.strictObject({
    genderRequirement: z.array(
      z.strictObject({ vacancy_id: z.string(), employer_id: z.string(), requirement: z.string() }),
    ),
  }),
  matching: z.strictObject({
    youthRematched: z.number(),
    setsWritten: z.number(),
    setsUnchanged: z.number(),
  }),
  truncated: z.strictObject({ rejected: z.number(), warnings: z.number() }).optional(),
});

export const UPLOAD_STATUSES = ['pending', 'processed', 'rejected_file'] as const;

export const uploadStatusResponse = z
  .strictObject({
    uploadId: z.string(),
    kind: z.enum(RECORD_KINDS),
    fileName: z.string(),
    status: z.enum(UPLOAD_STATUSES),
    createdAt: z.string(),
    uploadBy: z.string().optional().describe('While pending: when the upload URL expires'),
    report: processingReport.optional(),
  })
  .register(apiComponents, { id: 'UploadStatus' });

export const uploadListResponse = z
  .strictObject({
    items: z.array(
      z.strictObject({
        uploadId: z.string(),
        kind: z.enum(RECORD_KINDS),
        fileName: z.string(),
        status: z.enum(UPLOAD_STATUSES),
        createdAt: z.string(),
        counts: reportCounts.optional().describe('Absent while pending'),
      }),
    ),
    cursor: z.string().optional(),
  })
  .register(apiComponents, { id: 'UploadList' });

export const ownOpportunitiesResponse = z
  .strictObject({
    kind: z.enum(['job', 'training']),
    items: z.array(
      z.strictObject({
        opportunityId: z.string(),
        title: z.string(),
        district: z.string(),
        capacity: z.number().int().describe('Openings of a vacancy, seats of a training offer'),
        deadline: z.string().describe('Closing date of a vacancy, start date of a training offer'),
        recommendedTo: z
          .number()
          .int()
          .describe('Youth who have it among their recommended jobs (vacancy) or trainings (training offer)'),
        genderRequirement: z.string().optional(),
      }),
    ),
    cursor: z.string().optional(),
  })
  .register(apiComponents, { id: 'OwnOpportunities' });

export const interestResponse = z
  .strictObject({
    vacancyId: z.string(),
    candidate: z.string(),
    interestedAt: z.string(),
    recorded: z
      .boolean()
      .describe('False when the interest had been recorded before (nothing new is written)'),
  })
  .register(apiComponents, { id: 'CandidateInterest' });

const outcomeCounts = recordOf(OUTCOME_TYPES, z.number().int(), true);

export const summaryResponse = z
  .strictObject({
    generatedAt: z.string(),
    districts: z.array(
      z.strictObject({
        district: z.string(),
        youth: z.number().int(),
        withRecommendations: z.number().int(),
        outcomes: outcomeCounts,
        cases: z
          .strictObject({
            total: z.number().int(),
            open: z.number().int(),
            overdue: z.number().int(),
            referred: z.number().int(),
            bySeverity: z.record(z.enum(CASE_SEVERITIES), z.number().int()),
            byCategory: z.record(z.enum(CASE_CATEGORIES), z.number().int()),
            aboutEmployersOutside: z
              .number()
              .int()
              .describe('Cases about opportunities in districts outside the pilot districts'),
          })
          .describe("Complaint cases of the district's youth (docs/protection.md)"),
        reviews: z.array(
          z.strictObject({
            kind: z.enum(['job', 'training']),
            opportunityId: z.string(),
            complaints: z.number().int(),
            firstComplaintAt: z.string(),
            lastComplaintAt: z.string(),
          }),
        ),
      }),
    ),
  })
  .register(apiComponents, { id: 'Summary' });

const gender = z.enum(GENDERS);

const dashboardFigures = z.strictObject({
  youth: z.number().int().describe('Youth assessed (stored profiles)'),
  withRecommendations: z.number().int(),
  withoutUsableProfile: z.number().int().describe('No interest profile could be scored'),
  holland: z
    .array(z.strictObject({ letter: z.enum([...RIASEC, 'none']), gender, count: z.number().int() }))
    .describe('First letter of the Holland code by gender; `none` without a usable profile'),
  aptitude: z
    .array(
      z.strictObject({
        subtest: z.enum(APTITUDE_SUBTESTS),
        gender,
        band: z.number().int().describe('Percentile band: 0 = 0-9, ..., 90 = 90-100'),
        count: z.number().int(),
      }),
    )
    .describe('Aptitude percentiles in bands of 10, by subtest and gender'),
  outcomes: outcomeCounts.describe(
    'Outcomes recorded, by type (the funnel: contacted, applied, interviewed, hired/enrolled)',
  ),
  complaints: z.number().int().describe('Complaints about opportunities of the district flagged for review'),
  openVacancies: z.number().int(),
  openings: z.number().int(),
  openTrainings: z.number().int(),
  seats: z.number().int(),
  genderReview: z
    .array(
      z.strictObject({
        vacancyId: z.string(),
        title: z.string(),
        ownerName: z.string(),
        genderRequirement: z.string(),
      }),
    )
    .describe('Open vacancies stating a gender requirement, awaiting programme review'),
  congestion: z
    .array(
      z.strictObject({
        vacancyId: z.string(),
        title: z.string(),
        ownerName: z.string(),
        openings: z.number().int(),
        topPicks: z.number().int().describe('Youth whose best recommended job it is'),
      }),
    )
    .describe('The most crowded open vacancies: youth whose best job it is, per opening'),
});

export const dashboardResponse = z
  .strictObject({
    generatedAt: z.string(),
    asOf: z.string().describe('The programme date open opportunities are counted on'),
    districts: z.array(dashboardFigures.extend({ district: z.string(), name: z.string() })),
    programme: dashboardFigures.describe('The districts together'),
  })
  .register(apiComponents, { id: 'Dashboard' });

export const auditResponse = z
  .strictObject({
    key: z.string().describe('Where the audit is stored in the uploads bucket'),
    asOf: z.string(),
    batches: z.number().int(),
    youthCount: z.number().int(),
    groups: z.array(
      z.strictObject({
        group: z.string(),
        value: z.string(),
        count: z.number().int(),
        shareWithJob: z.number(),
        meanTopJobScore: z.number().nullable(),
        meanJobs: z.number(),
        meanTrainings: z.number(),
      }),
    ),
    genderRequirementReview: z.array(
      z.strictObject({
        opportunityId: z.string(),
        title: z.string(),
        ownerName: z.string(),
        genderRequirement: z.string(),
      }),
    ),
  })
  .register(apiComponents, { id: 'FairnessAudit' });

export const EXPORT_TABLES = ['districts', 'holland', 'aptitude', 'gender_review', 'congestion'] as const;

export const exportQuery = summaryQuery.extend({
  format: z.enum(EXPORT_FORMATS),
  table: z
    .enum(EXPORT_TABLES)
    .optional()
    .describe('The table to export; required for CSV, XLSX holds every table when absent'),
});

const storedRecord = z.record(z.string(), z.unknown());

export const exportResponse = z
  .strictObject({
    youthId: z.string(),
    exportedAt: z.string(),
    youth: storedRecord.optional(),
    recommendations: storedRecord.optional(),
    candidateEntries: z.array(
      z.strictObject({
        kind: z.enum(['job', 'training']),
        opportunityId: z.string(),
        youthId: z.string(),
        score: z.number(),
        rank: z.number(),
      }),
    ),
    outcomes: z.array(outcomeResponse.omit({ flaggedForReview: true })),
    invitations: z.array(storedRecord),
    consents: z.array(storedRecord),
    cases: z.array(storedRecord).describe('Complaint cases of the youth, with their history'),
  })
  .register(apiComponents, { id: 'YouthExport' });

export const erasureResponse = z
  .strictObject({
    youthId: z.string(),
    erased: z.strictObject({
      profiles: z.number().int(),
      recommendationSets: z.number().int(),
      candidateEntries: z.number().int(),
      outcomes: z.number().int(),
      invitations: z.number().int(),
      consents: z.number().int(),
    }),
  })
  .register(apiComponents, { id: 'Erasure' });

// ---- assessment app: responses ---------------------------------------------------------------

const bilingualText = z.strictObject({ id: z.string(), en: z.string() });

export const invitationCreatedResponse = z
  .strictObject({
    invitationId: z.string(),
    youthId: z.string(),
    instrument: z.string(),
    code: z.string().describe('Shown once: only a keyed hash is stored'),
    expiresAt: z.string(),
    link: z.string().optional().describe('The app with the code in the fragment (never sent to a server)'),
    qrPayload: z.string().optional().describe('What a QR code of the invitation encodes: the link'),
    replaces: z.string().optional(),
  })
  .register(apiComponents, { id: 'InvitationCreated' });

const invitationView = z.strictObject({
  invitationId: z.string(),
  youthId: z.string(),
  district: z.string(),
  instrument: z.string(),
  status: z.enum(INVITATION_STATUSES),
  createdAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
  revokedAt: z.string().optional(),
  replacedBy: z.string().optional(),
  submittedAt: z.string().optional(),
  uploadId: z.string().optional().describe('The pipeline report of the submission'),
  paperAptitudes: z.record(z.string(), z.strictObject({ correct: z.number(), total: z.number() })),
});

export const invitationResponse = invitationView.register(apiComponents, { id: 'Invitation' });

export const invitationListResponse = z
  .strictObject({ youthId: z.string(), items: z.array(invitationView) })
  .register(apiComponents, { id: 'InvitationList' });

export const assessmentContentResponse = z
  .strictObject({
    instrument: z.strictObject({
      id: z.string(),
      version: z.number(),
      title: bilingualText,
      prompt: bilingualText,
      answerLabels: z.array(z.strictObject({ value: z.number(), label: bilingualText })),
      items: z.array(z.strictObject({ id: z.string(), text: bilingualText })),
    }),
    consent: z.strictObject({
      version: z.string(),
      id: z.strictObject({
        title: z.string(),
        points: z.array(z.string()),
        youth: z.string(),
        guardian: z.string(),
      }),
      en: z.strictObject({
        title: z.string(),
        points: z.array(z.string()),
        youth: z.string(),
        guardian: z.string(),
      }),
    }),
  })
  .register(apiComponents, { id: 'AssessmentContent' });

const publicAptitudeSection = z.strictObject({
  subtest: z.enum(SCREEN_SUBTESTS),
  title: bilingualText,
  instructions: bilingualText,
  timeLimitSeconds: z.number(),
  items: z.array(
    z.strictObject({
      id: z.string(),
      text: bilingualText,
      pair: z.tuple([z.string(), z.string()]).optional(),
      unit: z.enum(['rupiah', 'number', 'label']),
      options: z.array(z.union([z.number(), bilingualText])),
    }),
  ),
});

const contactView = z.strictObject({
  name: z.string(),
  phone: z.string().optional(),
  office: z.string().optional(),
});

export const assessmentSessionResponse = z
  .strictObject({
    invitationId: z.string(),
    instrument: z.string(),
    status: z.enum(INVITATION_STATUSES),
    expiresAt: z.string(),
    minor: z.boolean(),
    consent: z.strictObject({ textVersion: z.string(), given: z.boolean() }),
    aptitude: z.array(publicAptitudeSection),
    counsellor: contactView,
    submittedAt: z.string().optional(),
  })
  .register(apiComponents, { id: 'AssessmentSession' });

export const consentResponse = z
  .strictObject({
    invitationId: z.string(),
    textVersion: z.string(),
    recordedAt: z.string(),
    minor: z.boolean(),
  })
  .register(apiComponents, { id: 'ConsentRecorded' });

export const submissionResponse = z
  .strictObject({
    uploadId: z.string(),
    submittedAt: z.string(),
    replay: z.boolean().describe('True when this repeated a send already accepted'),
  })
  .register(apiComponents, { id: 'SubmissionAccepted' });

export const assessmentStatusResponse = z
  .strictObject({
    state: z.enum(['not_submitted', 'processing', 'ready', 'failed']),
    submittedAt: z.string().optional(),
    problems: z.array(z.strictObject({ field: z.string(), reason: z.string() })).optional(),
  })
  .register(apiComponents, { id: 'AssessmentStatus' });

const youthOpportunity = z.strictObject({
  kind: z.enum(['job', 'training']),
  title: z.string(),
  ownerName: z.string(),
  why: z.string(),
});

export const youthResultsResponse = z
  .strictObject({
    lang: z.enum(LANGUAGES),
    hollandCode: z.string().nullable(),
    hollandExplained: z.string(),
    interests: z.array(
      z.strictObject({
        letter: z.enum(RIASEC),
        name: z.string(),
        plain: z.string(),
        examples: z.array(z.string()),
      }),
    ),
    jobs: z.array(youthOpportunity),
    trainings: z.array(youthOpportunity),
    nextStep: z.strictObject({ text: z.string(), counsellor: contactView }),
  })
  .register(apiComponents, { id: 'YouthResults' });

export const healthResponse = z
  .strictObject({ status: z.literal('ok'), service: z.string(), stage: z.string() })
  .register(apiComponents, { id: 'Health' });

export const openApiResponse = z
  .record(z.string(), z.unknown())
  .register(apiComponents, { id: 'OpenApiDocument' });

export const errorResponseSchema = z
  .strictObject({
    error: z.string(),
    message: z.string(),
    requestId: z.string(),
    fields: z.array(z.strictObject({ field: z.string(), reason: z.string() })).optional(),
  })
  .register(apiComponents, { id: 'Error' });
