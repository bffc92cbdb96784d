/** Option parsers shared by the commands; a bad value is a usage error (exit 2) naming the option. */
import { InvalidArgumentError, Option } from 'commander';
import { type IsoDate, isIsoDate } from '#core/domain/calendar';
import { LANGUAGES } from '#core/domain/language';

export const OUTPUT_FORMATS = ['json', 'table'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function formatOption(): Option {
  return new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('json');
}

export function langOption(): Option {
  return new Option('--lang <lang>', 'language of table headings and reasons (Bahasa Indonesia or English)')
    .choices(LANGUAGES)
    .default('id');
}

export function outOption(): Option {
  return new Option('--out <file>', 'write the output to this file instead of stdout');
}

/** `--no-allocation`: each youth's own top lists, without capacity-aware allocation (for comparison). */
export function allocationOption(): Option {
  return new Option(
    '--no-allocation',
    'show each youth their own top lists, without allocating slots within display capacity (for comparison)',
  );
}

export function asOfOption(description: string): Option {
  return new Option('--as-of <date>', description).argParser(parseAsOf);
}

export function parseAsOf(value: string): IsoDate {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a calendar date YYYY-MM-DD.');
  return value;
}

/** A whole number in `min..max`, as the matcher's configuration allows. */
export function wholeNumber(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}
