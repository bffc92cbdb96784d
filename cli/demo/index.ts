export {
  DEFAULT_NEIGHBOUR_DISTRICTS,
  DEFAULT_PILOT_DISTRICTS,
  UNKNOWN_DISTRICT,
  UNKNOWN_SKILLS,
} from './catalogue.ts';
export {
  DEFAULT_SEED,
  DEMO_FILES,
  type DemoData,
  type DemoManifest,
  type DemoOptions,
  type DemoSettings,
  type DemoSize,
  demoManifest,
  generateDemoData,
  type InvalidRow,
  type ManifestFile,
  resolveDemoSettings,
} from './generate.ts';
export { TRAINING_COLUMNS, trainingRow, VACANCY_COLUMNS, vacancyRow } from './rows.ts';
export { type DemoFileNames, writeDemoFiles } from './write.ts';
