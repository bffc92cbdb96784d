/**
 * The on-screen aptitude part: original items for two of the subtests the instruments score,
 * numerical reasoning and clerical speed-and-accuracy, generated from an invitation's seed. The
 * same seed always gives the same items, so the server can score a submission by generating them
 * again; the device only ever receives `publicSection` (no answer key). Scores land on the existing
 * subtest scale: `{correct, total}` per subtest, turned into a percentile by the aptitude norms.
 */
import { ValidationError } from '../domain/errors.ts';
import type { Bilingual } from '../domain/language.ts';
import type { AptitudeSubtest } from '../domain/records.ts';
import { SeededRandom } from '../domain/seeded-random.ts';

export const SCREEN_SUBTESTS = ['numerical', 'clerical'] as const satisfies readonly AptitudeSubtest[];
export type ScreenSubtest = (typeof SCREEN_SUBTESTS)[number];

/** How an option is shown: a rupiah amount, a plain number, or one of the words of `labels`. */
export type OptionUnit = 'rupiah' | 'number' | 'label';

export interface AptitudeItem {
  id: string;
  text: Bilingual;
  /** Clerical items: the two strings to compare. */
  pair?: readonly [string, string];
  unit: OptionUnit;
  options: readonly (number | Bilingual)[];
  /** Index into `options`; never sent to the device. */
  key: number;
}

export interface AptitudeSection {
  subtest: ScreenSubtest;
  title: Bilingual;
  instructions: Bilingual;
  /** The time the device allows, in seconds. */
  timeLimitSeconds: number;
  items: AptitudeItem[];
}

export type PublicItem = Omit<AptitudeItem, 'key'>;
export type PublicSection = Omit<AptitudeSection, 'items'> & { items: PublicItem[] };

export const SECTION_SIZES: Readonly<Record<ScreenSubtest, number>> = { numerical: 10, clerical: 20 };
export const TIME_LIMITS_SECONDS: Readonly<Record<ScreenSubtest, number>> = { numerical: 360, clerical: 120 };
/** Late answers within this margin are network and clock noise, not extra working time. */
export const TIME_GRACE_SECONDS = 15;

// ---- numerical reasoning ---------------------------------------------------------------------

type NumericalTemplate = (r: SeededRandom) => {
  text: Bilingual;
  unit: OptionUnit;
  answer: number;
  near: number[];
};

const GOODS: readonly { id: string; en: string; unitId: string; unitEn: string; price: number }[] = [
  { id: 'beras', en: 'rice', unitId: 'kg', unitEn: 'kg', price: 13_000 },
  { id: 'gula pasir', en: 'sugar', unitId: 'kg', unitEn: 'kg', price: 17_000 },
  { id: 'kain batik', en: 'batik cloth', unitId: 'meter', unitEn: 'metres', price: 45_000 },
  { id: 'telur', en: 'eggs', unitId: 'kg', unitEn: 'kg', price: 28_000 },
  { id: 'cat tembok', en: 'wall paint', unitId: 'kaleng', unitEn: 'cans', price: 85_000 },
];

const rupiah = (r: SeededRandom, min: number, max: number, step: number) =>
  r.int(min / step, max / step) * step;

const NUMERICAL: readonly NumericalTemplate[] = [
  (r) => {
    const g = r.pick(GOODS);
    const a = r.int(2, 4);
    const b = r.int(5, 9);
    const price = Math.round((g.price * (0.8 + r.float() * 0.4)) / 500) * 500;
    const total = price * a;
    return {
      text: {
        id: `${a} ${g.unitId} ${g.id} harganya Rp ${total.toLocaleString('id-ID')}. Berapa harga ${b} ${g.unitId}?`,
        en: `${a} ${g.unitEn} of ${g.en} cost Rp ${total.toLocaleString('en-US')}. How much do ${b} ${g.unitEn} cost?`,
      },
      unit: 'rupiah',
      answer: price * b,
      near: [price * (b - 1), price * (b + 1), total * b, total + price * (b - a) + 500 * r.int(1, 4)],
    };
  },
  (r) => {
    const price = rupiah(r, 50_000, 400_000, 10_000);
    const pct = r.pick([10, 15, 20, 25, 30, 40]);
    const cut = (price * pct) / 100;
    return {
      text: {
        id: `Sepatu seharga Rp ${price.toLocaleString('id-ID')} didiskon ${pct}%. Berapa yang harus dibayar?`,
        en: `Shoes priced Rp ${price.toLocaleString('en-US')} have a ${pct}% discount. How much do you pay?`,
      },
      unit: 'rupiah',
      answer: price - cut,
      near: [cut, price - pct * 1000, price - cut / 2, price + cut],
    };
  },
  (r) => {
    const n = r.int(3, 7);
    const each = rupiah(r, 2_500, 12_000, 500);
    const paid = (Math.floor((n * each) / 50_000) + 1) * 50_000;
    return {
      text: {
        id: `Kamu membeli ${n} bungkus nasi @ Rp ${each.toLocaleString('id-ID')} dan membayar Rp ${paid.toLocaleString('id-ID')}. Berapa kembaliannya?`,
        en: `You buy ${n} packs of rice at Rp ${each.toLocaleString('en-US')} each and pay Rp ${paid.toLocaleString('en-US')}. How much change do you get?`,
      },
      unit: 'rupiah',
      answer: paid - n * each,
      near: [paid - (n - 1) * each, paid - (n + 1) * each, n * each, paid - n * each + 1_000],
    };
  },
  (r) => {
    const start = r.int(2, 20);
    const step = r.int(3, 9);
    const terms = [0, 1, 2, 3, 4].map((i) => start + i * step);
    return {
      text: {
        id: `Lanjutkan deret ini: ${terms.join(', ')}, ...`,
        en: `Continue the series: ${terms.join(', ')}, ...`,
      },
      unit: 'number',
      answer: start + 5 * step,
      near: [start + 5 * step + 1, start + 6 * step, start + 4 * step + step - 1, start + 5 * step + step],
    };
  },
  (r) => {
    const start = r.int(1, 5);
    const factor = r.pick([2, 3]);
    const terms = [0, 1, 2, 3].map((i) => start * factor ** i);
    const next = start * factor ** 4;
    return {
      text: {
        id: `Lanjutkan deret ini: ${terms.join(', ')}, ...`,
        en: `Continue the series: ${terms.join(', ')}, ...`,
      },
      unit: 'number',
      answer: next,
      near: [terms[3]! + (terms[3]! - terms[2]!), next + factor, next - start, terms[3]! * (factor + 1)],
    };
  },
  (r) => {
    const perHour = r.int(4, 12);
    const hours = r.int(3, 8);
    return {
      text: {
        id: `Seorang penjahit menyelesaikan ${perHour} kaos dalam 1 jam. Berapa kaos dalam ${hours} jam?`,
        en: `A tailor finishes ${perHour} T-shirts in 1 hour. How many in ${hours} hours?`,
      },
      unit: 'number',
      answer: perHour * hours,
      near: [perHour * (hours - 1), perHour * (hours + 1), perHour + hours, perHour * hours + perHour / 2],
    };
  },
  (r) => {
    const daily = rupiah(r, 80_000, 150_000, 5_000);
    const days = r.int(5, 12);
    return {
      text: {
        id: `Upah harian Rp ${daily.toLocaleString('id-ID')}. Berapa upah untuk ${days} hari kerja?`,
        en: `The daily wage is Rp ${daily.toLocaleString('en-US')}. What is the pay for ${days} working days?`,
      },
      unit: 'rupiah',
      answer: daily * days,
      near: [daily * (days - 1), daily * (days + 1), daily * days + 10_000, daily * days - 5_000],
    };
  },
  (r) => {
    const workers = r.pick([2, 3, 4, 6]);
    const days = r.pick([6, 8, 12]);
    const more = r.pick([2, 3, 4].filter((m) => days % m === 0));
    return {
      text: {
        id: `${workers} orang mengecat sebuah rumah dalam ${days} hari. Berapa hari jika dikerjakan ${workers * more} orang dengan kecepatan yang sama?`,
        en: `${workers} people paint a house in ${days} days. How many days would ${workers * more} people working at the same pace need?`,
      },
      unit: 'number',
      answer: days / more,
      near: [days * more, days - more, days / more + 1, days + more],
    };
  },
];

/** Four distinct positive options: the answer and the nearest distinct distractors, in random order. */
function optionsFor(
  r: SeededRandom,
  answer: number,
  near: readonly number[],
): { options: number[]; key: number } {
  const distractors: number[] = [];
  for (const candidate of [...near, answer + 1, answer + 2, answer + 3, answer * 2]) {
    const value = Math.round(candidate);
    if (value > 0 && value !== answer && !distractors.includes(value)) distractors.push(value);
    if (distractors.length === 3) break;
  }
  const options = r.sample([answer, ...distractors], 4);
  return { options, key: options.indexOf(answer) };
}

function numericalSection(seed: string): AptitudeSection {
  const r = SeededRandom.stream(seedNumber(seed), 'numerical');
  const order = r.sample(
    NUMERICAL.map((_, i) => i),
    NUMERICAL.length,
  );
  const items: AptitudeItem[] = [];
  for (let i = 0; i < SECTION_SIZES.numerical; i++) {
    const made = NUMERICAL[order[i % order.length]!]!(r);
    const { options, key } = optionsFor(r, made.answer, made.near);
    items.push({ id: `N${String(i + 1).padStart(2, '0')}`, text: made.text, unit: made.unit, options, key });
  }
  return {
    subtest: 'numerical',
    title: { id: 'Berhitung', en: 'Numbers' },
    instructions: {
      id: 'Pilih jawaban yang benar. Boleh memakai kertas untuk menghitung, tanpa kalkulator.',
      en: 'Choose the right answer. You may use paper to work it out, but no calculator.',
    },
    timeLimitSeconds: TIME_LIMITS_SECONDS.numerical,
    items,
  };
}

// ---- clerical speed and accuracy -------------------------------------------------------------

const STREETS = [
  'Pemuda',
  'Pandanaran',
  'Diponegoro',
  'Slamet Riyadi',
  'Ahmad Yani',
  'Veteran',
  'Gajah Mada',
];
const VILLAGES = ['Sukorejo', 'Karanganyar', 'Tegalrejo', 'Sidomulyo', 'Wonosari', 'Kedungwuni', 'Banyuurip'];
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const DIGITS = '0123456789';

type ClericalTemplate = (r: SeededRandom) => string;

const chars = (r: SeededRandom, from: string, n: number) =>
  Array.from({ length: n }, () => from[r.int(0, from.length - 1)]).join('');

const CLERICAL: readonly ClericalTemplate[] = [
  (r) => `${chars(r, LETTERS, 2)}-${chars(r, DIGITS, 5)}`,
  (r) => `Jl. ${r.pick(STREETS)} No. ${r.int(10, 299)}`,
  (r) => `08${r.int(11, 99)}-${chars(r, DIGITS, 4)}-${chars(r, DIGITS, 4)}`,
  (r) =>
    `Ds. ${r.pick(VILLAGES)} RT ${String(r.int(1, 15)).padStart(2, '0')}/RW ${String(r.int(1, 9)).padStart(2, '0')}`,
  (r) => `${chars(r, DIGITS, 3)}.${chars(r, DIGITS, 3)}.${chars(r, DIGITS, 3)}`,
];

/** One small change a hurried reader misses: two neighbours swapped, or one letter or digit replaced. */
function alter(r: SeededRandom, text: string): string {
  const positions = [...text].map((c, i) => (/[A-Z0-9a-z]/.test(c) ? i : -1)).filter((i) => i >= 0);
  for (let attempt = 0; attempt < 20; attempt++) {
    const at = r.pick(positions);
    const chars_ = [...text];
    if (r.chance(0.5) && positions.includes(at + 1) && chars_[at] !== chars_[at + 1]) {
      [chars_[at], chars_[at + 1]] = [chars_[at + 1]!, chars_[at]!];
    } else {
      const pool = /\d/.test(chars_[at]!) ? DIGITS : /[a-z]/.test(chars_[at]!) ? 'aeiou' : LETTERS;
      chars_[at] = pool[r.int(0, pool.length - 1)]!;
    }
    const changed = chars_.join('');
    if (changed !== text) return changed;
  }
  // Unreachable with the templates above (each has at least two different digits or letters).
  throw new RangeError(`cannot alter "${text}"`);
}

export const SAME_DIFFERENT: readonly Bilingual[] = [
  { id: 'Sama', en: 'Same' },
  { id: 'Beda', en: 'Different' },
];

function clericalSection(seed: string): AptitudeSection {
  const r = SeededRandom.stream(seedNumber(seed), 'clerical');
  // Exactly half the pairs differ, in random positions, so always answering one way scores 50%.
  const differing = new Set(
    r.sample(
      Array.from({ length: SECTION_SIZES.clerical }, (_, i) => i),
      SECTION_SIZES.clerical / 2,
    ),
  );
  const items: AptitudeItem[] = [];
  for (let i = 0; i < SECTION_SIZES.clerical; i++) {
    const left = CLERICAL[i % CLERICAL.length]!(r);
    const right = differing.has(i) ? alter(r, left) : left;
    items.push({
      id: `K${String(i + 1).padStart(2, '0')}`,
      text: { id: 'Apakah kedua tulisan ini sama persis?', en: 'Are these two exactly the same?' },
      pair: [left, right],
      unit: 'label',
      options: SAME_DIFFERENT,
      key: differing.has(i) ? 1 : 0,
    });
  }
  return {
    subtest: 'clerical',
    title: { id: 'Teliti dan cepat', en: 'Quick and careful' },
    instructions: {
      id: 'Bandingkan dua tulisan. Pilih "Sama" jika persis sama, "Beda" jika ada satu huruf atau angka yang lain. Kerjakan secepat dan seteliti mungkin.',
      en: 'Compare the two lines. Choose "Same" if they match exactly, "Different" if one letter or digit differs. Work as fast and as carefully as you can.',
    },
    timeLimitSeconds: TIME_LIMITS_SECONDS.clerical,
    items,
  };
}

// ---- generation, public view, scoring --------------------------------------------------------

function seedNumber(seed: string): number {
  if (!/^[0-9a-f]{8,}$/.test(seed)) throw new RangeError('an aptitude seed is at least 8 hex digits');
  return Number.parseInt(seed.slice(0, 8), 16) >>> 0;
}

const GENERATORS: Readonly<Record<ScreenSubtest, (seed: string) => AptitudeSection>> = {
  numerical: numericalSection,
  clerical: clericalSection,
};

/** Every on-screen section of an invitation, keys included (server side only). */
export function generateAptitudeSections(seed: string): AptitudeSection[] {
  return SCREEN_SUBTESTS.map((subtest) => GENERATORS[subtest](seed));
}

/** What the device gets: the same sections without the answer key. */
export function publicSection(section: AptitudeSection): PublicSection {
  return { ...section, items: section.items.map(({ key: _key, ...item }) => item) };
}

export interface SectionAnswers {
  /** Chosen option index per item, in item order; null = not answered (also: time ran out). */
  answers: readonly (number | null)[];
  /** How long the section was open on the device. */
  elapsedMs: number;
}

export type AptitudeAnswers = Partial<Record<ScreenSubtest, SectionAnswers>>;

export type AptitudeCounts = Partial<Record<ScreenSubtest, { correct: number; total: number }>>;

/**
 * Correct answers per section given on screen. An unanswered item counts as wrong, as on paper.
 * Answers of another length than the section, an option that does not exist, or a section open far
 * longer than its time limit are refused: a device running the app cannot produce them.
 */
export function scoreAptitudeAnswers(seed: string, submitted: AptitudeAnswers): AptitudeCounts {
  const counts: AptitudeCounts = {};
  const issues: { field: string; reason: string }[] = [];
  for (const section of generateAptitudeSections(seed)) {
    const given = submitted[section.subtest];
    if (given === undefined) continue;
    const field = `aptitude.${section.subtest}`;
    if (given.answers.length !== section.items.length) {
      issues.push({ field: `${field}.answers`, reason: `must have ${section.items.length} entries` });
      continue;
    }
    if (given.elapsedMs > (section.timeLimitSeconds + TIME_GRACE_SECONDS) * 1000) {
      issues.push({
        field: `${field}.elapsedMs`,
        reason: `is longer than the ${section.timeLimitSeconds} s allowed`,
      });
      continue;
    }
    let correct = 0;
    given.answers.forEach((answer, i) => {
      const item = section.items[i]!;
      if (answer === null) return;
      if (!Number.isInteger(answer) || answer < 0 || answer >= item.options.length) {
        issues.push({
          field: `${field}.answers.${i}`,
          reason: `must be an option 0..${item.options.length - 1}`,
        });
      } else if (answer === item.key) correct++;
    });
    counts[section.subtest] = { correct, total: section.items.length };
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return counts;
}
