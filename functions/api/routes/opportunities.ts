/**
 * What employers and training providers own: their vacancies or training offers with how many
 * youth have each among their recommendations (for providers the demand per offer), and the
 * upload template of their record kind.
 */
import { authorize } from '#core/access/policy';
import type { Principal } from '#core/access/principal';
import { templateDistricts, uploadTemplate } from '#core/records/template';
import { writeTemplateXlsx, XLSX_CONTENT_TYPE } from '#functions/shared/files/xlsx-write';
import { programmeDate } from '#functions/shared/programme-date';
import { openPageCursor, sealPageCursor } from '../paging.ts';
import { defineRoute } from '../route.ts';
import { ownOpportunitiesResponse, pageQuery, templatePath } from '../schemas.ts';

export const listOwnOpportunities = defineRoute({
  method: 'GET',
  path: '/opportunities',
  operationId: 'listOwnOpportunities',
  summary: "The caller's own vacancies (employer) or training offers (provider)",
  description:
    '`recommendedTo` counts the youth who have the opportunity among their recommended jobs or trainings now; for a provider it is the demand per offer.',
  tag: 'opportunities',
  access: 'opportunity:list',
  query: pageQuery,
  responses: { 200: { description: 'One page of own opportunities', schema: ownOpportunitiesResponse } },
  async handle({ query, principal }, deps) {
    const { opportunityOwner } = authorize(principal, 'opportunity:list', { own: true });
    const { kind, id } = opportunityOwner!;
    const selectors = { kind, owner: id };
    const cursor = openPageCursor(deps, principal, 'listOwnOpportunities', selectors, query.cursor);
    const page = await deps.opportunities.listByOwner(kind, id, {
      limit: query.limit ?? 50,
      ...(cursor !== undefined && { cursor }),
    });
    const counts = await deps.recommendations.candidateCounts(
      kind,
      page.items.map((o) => o.profile.id),
    );
    const next = sealPageCursor(deps, principal, 'listOwnOpportunities', selectors, page.cursor);
    return {
      status: 200,
      body: {
        kind,
        items: page.items.map(({ profile }) => ({
          opportunityId: profile.id,
          title: profile.title,
          district: profile.district,
          capacity: profile.capacity,
          deadline: profile.deadline,
          recommendedTo: counts.get(profile.id) ?? 0,
          ...(profile.genderRequirement !== undefined && { genderRequirement: profile.genderRequirement }),
        })),
        ...(next !== undefined && { cursor: next }),
      },
    };
  },
});

/** The id the example row carries: the caller's own, so the example is a row their upload accepts. */
function exampleOwner(principal: Principal): string {
  return principal.employerId ?? principal.providerId ?? 'CONTOH-001';
}

export const downloadTemplate = defineRoute({
  method: 'GET',
  path: '/templates/{kind}',
  operationId: 'downloadTemplate',
  summary: 'The XLSX upload template of vacancies or trainings',
  description:
    "Indonesian headers with a note on each (required or optional, what to write), drop-down lists for districts, education levels, yes/no and the other closed choices, and an example row with the caller's own employer or provider id. Generated from the record schemas, so the template and the upload check cannot disagree.",
  tag: 'uploads',
  access: 'upload:template',
  params: templatePath,
  responses: {
    200: {
      description: 'The template workbook',
      fileTypes: [XLSX_CONTENT_TYPE],
    },
  },
  async handle({ params, principal }, deps) {
    authorize(principal, 'upload:template', { kind: params.kind });
    const now = deps.now();
    const template = uploadTemplate(params.kind, {
      ownerId: exampleOwner(principal),
      asOf: programmeDate(now),
    });
    const bytes = await writeTemplateXlsx(template, templateDistricts(), new Date(now));
    const fileName = params.kind === 'vacancies' ? 'templat-lowongan.xlsx' : 'templat-pelatihan.xlsx';
    return { status: 200, file: { contentType: XLSX_CONTENT_TYPE, fileName, bytes } };
  },
});
