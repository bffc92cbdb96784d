export {
  createSkillVocabulary,
  type NormalisedSkills,
  type SkillEntry,
  type SkillVocabulary,
  type SkillVocabularyData,
  skillKey,
} from './vocabulary.ts';
