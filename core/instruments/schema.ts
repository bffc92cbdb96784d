/**
 * The shape of an assessment instrument as shipped data. A new form or a revised item set is a
 * new JSON file with a new id, never an edit of a published one: stored profiles name the
 * instrument they were scored with.
 */

import { z } from 'zod';
import { APTITUDE_SUBTESTS } from '#core/domain/records';
import { RIASEC } from '#core/domain/riasec';

const bilingual = z.strictObject({ id: z.string().min(1), en: z.string().min(1) });

const item = z.strictObject({
  id: z.string().regex(/^[RIASEC]\d{2}$/, 'an item id is a RIASEC letter and two digits, e.g. R01'),
  scale: z.enum(RIASEC),
  text: bilingual,
});

export const instrumentDefinitionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an instrument id is lower-case kebab-case'),
    version: z.number().int().min(1),
    title: bilingual,
    prompt: bilingual,
    answerMin: z.number().int(),
    answerMax: z.number().int(),
    answerLabels: z.array(z.strictObject({ value: z.number().int(), label: bilingual })).min(2),
    prorationThreshold: z.number().gt(0).max(1),
    items: z.array(item).min(RIASEC.length),
    aptitudeSubtests: z.array(z.enum(APTITUDE_SUBTESTS)),
  })
  .superRefine((def, ctx) => {
    if (def.answerMax <= def.answerMin) {
      ctx.addIssue({ code: 'custom', path: ['answerMax'], message: 'must be greater than answerMin' });
    }
    const labelled = def.answerLabels.map((l) => l.value);
    for (let value = def.answerMin; value <= def.answerMax; value++) {
      if (labelled.filter((v) => v === value).length !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['answerLabels'],
          message: `needs exactly one label for ${value}`,
        });
      }
    }
    if (labelled.some((v) => v < def.answerMin || v > def.answerMax)) {
      ctx.addIssue({
        code: 'custom',
        path: ['answerLabels'],
        message: 'labels a value outside the answer range',
      });
    }
    const seen = new Set<string>();
    def.items.forEach((it, i) => {
      if (seen.has(it.id))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: 'duplicate item id' });
      seen.add(it.id);
      // The letter in the id is what assessment files are keyed by, so it must agree with the scale.
      if (!it.id.startsWith(it.scale)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'scale'],
          message: `item ${it.id} is not on its scale`,
        });
      }
    });
    for (const letter of RIASEC) {
      if (!def.items.some((it) => it.scale === letter)) {
        ctx.addIssue({ code: 'custom', path: ['items'], message: `scale ${letter} has no items` });
      }
    }
    if (new Set(def.aptitudeSubtests).size !== def.aptitudeSubtests.length) {
      ctx.addIssue({ code: 'custom', path: ['aptitudeSubtests'], message: 'duplicate subtest' });
    }
  });

export type InstrumentDefinition = z.infer<typeof instrumentDefinitionSchema>;
export type InstrumentItem = z.infer<typeof item>;
