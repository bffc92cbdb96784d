/**
 * The controlled skills vocabulary. Assessments and opportunities both go through it, so a
 * youth's "las listrik" and a vacancy's "SMAW" meet as the same id.
 */

import { z } from 'zod';
import { type Issue, NotFoundError, ValidationError } from '#core/domain/errors';
import type { Language } from '#core/domain/language';
import { zodIssues } from '#core/instruments/zod-issues';
import skillsV1 from './data/skills-v1.json' with { type: 'json' };

const bilingual = z.strictObject({ id: z.string().min(1), en: z.string().min(1) });

const vocabularySchema = z.object({
  version: z.string().min(1),
  description: z.string().optional(),
  groups: z.array(z.strictObject({ id: z.string().min(1), label: bilingual })).min(1),
  skills: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, 'a skill id is snake_case'),
        label: bilingual,
        aliases: z.array(z.string()),
        group: z.string().min(1),
      }),
    )
    .min(1),
});

export type SkillVocabularyData = z.infer<typeof vocabularySchema>;
export type SkillEntry = SkillVocabularyData['skills'][number];

export interface NormalisedSkills {
  /** Vocabulary ids, first occurrence order, no duplicates. */
  known: string[];
  /** Inputs that matched nothing, exactly as first written, no duplicates (by matching key). */
  unknown: string[];
}

export interface SkillVocabulary {
  version: string;
  ids(): string[];
  has(id: string): boolean;
  entry(id: string): SkillEntry;
  /** The vocabulary id a free-text skill stands for, if any. */
  resolve(input: string): string | undefined;
  normalise(inputs: readonly string[]): NormalisedSkills;
  label(id: string, lang: Language): string;
}

/**
 * What two spellings of a skill have in common: letters and digits only, lower case, accents
 * removed, so "MS-Excel", "ms excel" and "MS Éxcel" are one key.
 */
export function skillKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function buildIndex(data: SkillVocabularyData): { index: Map<string, string>; issues: Issue[] } {
  const index = new Map<string, string>();
  const issues: Issue[] = [];
  const groups = new Set(data.groups.map((g) => g.id));
  const ids = new Set<string>();
  data.skills.forEach((skill, i) => {
    if (ids.has(skill.id)) issues.push({ field: `skills.${i}.id`, reason: `duplicate skill id ${skill.id}` });
    ids.add(skill.id);
    if (!groups.has(skill.group)) {
      issues.push({ field: `skills.${i}.group`, reason: `unknown group ${skill.group}` });
    }
    const names = [skill.id, skill.label.id, skill.label.en, ...skill.aliases];
    for (const name of names) {
      const key = skillKey(name);
      if (key === '') {
        issues.push({ field: `skills.${i}`, reason: `"${name}" has no letters or digits` });
        continue;
      }
      const owner = index.get(key);
      // One spelling meaning two skills would make normalisation depend on file order.
      if (owner !== undefined && owner !== skill.id) {
        issues.push({ field: `skills.${i}`, reason: `"${name}" already names ${owner}` });
      }
      if (owner === undefined) index.set(key, skill.id);
    }
  });
  return { index, issues };
}

/** Validates vocabulary data (defaults to the shipped `skills-v1`) and indexes every spelling. */
export function createSkillVocabulary(data: unknown = skillsV1): SkillVocabulary {
  const parsed = vocabularySchema.safeParse(data);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error, 'skills'));
  const { index, issues } = buildIndex(parsed.data);
  if (issues.length > 0) throw new ValidationError(issues);
  const entries = new Map(parsed.data.skills.map((s) => [s.id, s]));

  const entry = (id: string): SkillEntry => {
    const found = entries.get(id);
    if (!found) throw new NotFoundError(`unknown skill id "${id}" in ${parsed.data.version}`);
    return found;
  };
  const resolve = (input: string): string | undefined => index.get(skillKey(input));

  return {
    version: parsed.data.version,
    ids: () => [...entries.keys()],
    has: (id) => entries.has(id),
    entry,
    resolve,
    normalise(inputs) {
      const known: string[] = [];
      const unknown: string[] = [];
      const seen = new Set<string>();
      for (const input of inputs) {
        const key = skillKey(input);
        // A blank cell is not a skill anyone wrote.
        if (key === '') continue;
        const id = index.get(key);
        if (id !== undefined) {
          if (!seen.has(id)) known.push(id);
          seen.add(id);
        } else if (!seen.has(`?${key}`)) {
          unknown.push(input);
          seen.add(`?${key}`);
        }
      }
      return { known, unknown };
    },
    label: (id, lang) => entry(id).label[lang],
  };
}
