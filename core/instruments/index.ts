export {
  createInstrumentRegistry,
  defaultInstruments,
  type Instrument,
  type InstrumentRegistry,
  parseInstrumentDefinition,
} from './registry.ts';
export { type InstrumentDefinition, type InstrumentItem, instrumentDefinitionSchema } from './schema.ts';
