/** The languages every text is written in: Indonesian first, English for programme staff. */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in every language. */
export type Bilingual = Record<Language, string>;

/** A skill's label in one language; the skill id stands in when there is no label. */
export type SkillLabel = (skillId: string, lang: Language) => string;
