import { type Issue, NotFoundError, ValidationError } from '#core/domain/errors';
import { RIASEC, type RiasecLetter } from '#core/domain/riasec';
import miniForm from './data/sinergi-minat-bakat-mini-v1.json' with { type: 'json' };
import fullForm from './data/sinergi-minat-bakat-v1.json' with { type: 'json' };
import { type InstrumentDefinition, type InstrumentItem, instrumentDefinitionSchema } from './schema.ts';
import { zodIssues } from './zod-issues.ts';

/** A validated instrument with its items indexed the way scoring reads them. */
export interface Instrument extends InstrumentDefinition {
  itemsById: ReadonlyMap<string, InstrumentItem>;
  itemsByScale: Readonly<Record<RiasecLetter, readonly InstrumentItem[]>>;
  /** Highest possible score of each scale: its item count times the highest answer. */
  scaleMax: Readonly<Record<RiasecLetter, number>>;
}

export interface InstrumentRegistry {
  /** Throws NotFoundError naming the known instruments when `id` is not one of them. */
  get(id: string): Instrument;
  has(id: string): boolean;
  ids(): string[];
}

export function parseInstrumentDefinition(raw: unknown, source = 'instrument'): InstrumentDefinition {
  const parsed = instrumentDefinitionSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error, source));
  return parsed.data;
}

function indexInstrument(def: InstrumentDefinition): Instrument {
  const byScale = (letter: RiasecLetter) => def.items.filter((it) => it.scale === letter);
  const itemsByScale = Object.fromEntries(RIASEC.map((l) => [l, byScale(l)])) as Record<
    RiasecLetter,
    InstrumentItem[]
  >;
  const scaleMax = Object.fromEntries(
    RIASEC.map((l) => [l, itemsByScale[l].length * def.answerMax]),
  ) as Record<RiasecLetter, number>;
  return { ...def, itemsById: new Map(def.items.map((it) => [it.id, it])), itemsByScale, scaleMax };
}

/** The instruments shipped with the engine, validated. */
export const defaultInstruments: readonly InstrumentDefinition[] = [
  parseInstrumentDefinition(fullForm, fullForm.id),
  parseInstrumentDefinition(miniForm, miniForm.id),
];

/** Builds a registry from instrument definitions (raw JSON is validated); defaults to the shipped ones. */
export function createInstrumentRegistry(defs: readonly unknown[] = defaultInstruments): InstrumentRegistry {
  const instruments = new Map<string, Instrument>();
  const issues: Issue[] = [];
  defs.forEach((raw, i) => {
    const parsed = instrumentDefinitionSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, `instruments[${i}]`));
      return;
    }
    if (instruments.has(parsed.data.id)) {
      issues.push({ field: `instruments[${i}].id`, reason: `duplicate instrument id ${parsed.data.id}` });
      return;
    }
    instruments.set(parsed.data.id, indexInstrument(parsed.data));
  });
  if (issues.length > 0) throw new ValidationError(issues);

  return {
    get(id) {
      const found = instruments.get(id);
      if (!found) {
        throw new NotFoundError(
          `unknown instrument "${id}"; known instruments: ${[...instruments.keys()].join(', ')}`,
        );
      }
      return found;
    },
    has: (id) => instruments.has(id),
    ids: () => [...instruments.keys()],
  };
}
