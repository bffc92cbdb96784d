/**
 * Derives the occupation reference the engine ships (core/reference/data/occupations.json): for each
 * ISCO-08 unit group (also the KBJI 2014 unit group) in Nesta's ESCO-O*NET crosswalk, the
 * confidence-weighted O*NET interest profile, its spread and the job zone.
 *
 *   npx tsx scripts/build-occupation-reference.ts [--data ../shared/data]
 *     [--out core/reference/data/occupations.json] [--titles scripts/data/isco08-unit-groups.csv]
 *
 * Everything but `main` is pure, so the aggregation is unit-tested on synthetic inputs. See
 * docs/reference-data.md for the method and the attribution.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { RiasecVector } from '#core/domain/riasec';
import {
  type OccupationEntry,
  type OccupationTable,
  occupationTableSchema,
  zodIssues,
} from '#core/reference/schema';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const SOURCE_FILES = {
  interests: 'onet/Interests.txt',
  jobZones: 'onet/Job Zones.txt',
  occupations: 'onet/Occupation Data.txt',
  crosswalk: 'nesta/esco_onet_crosswalk_Nov2020.csv',
} as const;

/** O*NET content model elements of the six interest scales, in RIASEC order. */
const INTEREST_ELEMENTS = ['1.B.1.a', '1.B.1.b', '1.B.1.c', '1.B.1.d', '1.B.1.e', '1.B.1.f'] as const;

// ---------------------------------------------------------------------------------------------
// Parsing

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  while (i < body.length) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && body[i + 1] === '\n') i += 1;
    } else field += ch;
    i += 1;
  }
  if (quoted) throw new SyntaxError('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** O*NET's tab-separated text files: a header row, no quoting. */
export function parseTsv(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'));
}

/** Rows as records keyed by the header; a missing column is an error naming the file. */
export function toRecords(
  rows: string[][],
  required: readonly string[],
  file: string,
): Record<string, string>[] {
  const [header, ...data] = rows;
  if (!header) throw new Error(`${file}: empty file`);
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0) throw new Error(`${file}: missing column(s) ${missing.join(', ')}`);
  return data.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

/**
 * The crosswalk stores a few labels as UTF-8 read as Mac OS Roman ("r√©p√©titeur"). Latin-1
 * letters are UTF-8 lead byte 0xC3 ('√' in Mac Roman) plus a continuation byte 0x80..0xBF; this maps
 * the Mac Roman character of that byte back, which recovers every accented Latin letter.
 */
const MAC_ROMAN_80_BF = 'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø';

export function repairMojibake(label: string): string {
  return label.replace(/√(.)/gu, (whole, ch: string) => {
    const byte = MAC_ROMAN_80_BF.indexOf(ch);
    return byte < 0 ? whole : String.fromCharCode(0xc0 + byte);
  });
}

export interface CrosswalkLink {
  escoOccupation: string;
  iscoCode: string;
  onetCode: string;
  onetTitle: string;
  confidence: number;
}

export function parseCrosswalk(text: string, file = SOURCE_FILES.crosswalk): CrosswalkLink[] {
  const records = toRecords(
    parseCsv(text),
    ['esco_occupation', 'isco_code', 'onet_code', 'onet_occupation', 'confidence'],
    file,
  );
  return records.map((r, i) => {
    const confidence = Number(r['confidence']);
    const iscoCode = r['isco_code']!.trim();
    const onetCode = r['onet_code']!.trim();
    if (!/^\d{4}$/.test(iscoCode))
      throw new Error(`${file} row ${i + 1}: isco_code "${iscoCode}" is not 4 digits`);
    if (!/^\d{2}-\d{4}\.\d{2}$/.test(onetCode))
      throw new Error(`${file} row ${i + 1}: onet_code "${onetCode}"`);
    if (!(confidence > 0))
      throw new Error(`${file} row ${i + 1}: confidence "${r['confidence']}" is not positive`);
    return {
      escoOccupation: repairMojibake(r['esco_occupation']!.trim()),
      iscoCode,
      onetCode,
      onetTitle: r['onet_occupation']!.trim(),
      confidence,
    };
  });
}

export interface OnetOccupation {
  code: string;
  title: string;
  interests?: RiasecVector;
  jobZone?: number;
}

export interface OnetSources {
  interests: string;
  jobZones: string;
  occupations: string;
}

/** One record per O*NET-SOC code with whatever interest and job-zone data the release has for it. */
export function parseOnet(texts: OnetSources): Map<string, OnetOccupation> {
  const byCode = new Map<string, OnetOccupation>();
  const entry = (code: string): OnetOccupation => {
    let found = byCode.get(code);
    if (!found) {
      found = { code, title: '' };
      byCode.set(code, found);
    }
    return found;
  };
  for (const r of toRecords(
    parseTsv(texts.occupations),
    ['O*NET-SOC Code', 'Title'],
    SOURCE_FILES.occupations,
  )) {
    entry(r['O*NET-SOC Code']!).title = r['Title']!;
  }
  const levels = new Map<string, number[]>();
  const interestRows = toRecords(
    parseTsv(texts.interests),
    ['O*NET-SOC Code', 'Element ID', 'Scale ID', 'Data Value'],
    SOURCE_FILES.interests,
  );
  for (const r of interestRows) {
    if (r['Scale ID'] !== 'OI') continue;
    const scale = INTEREST_ELEMENTS.indexOf(r['Element ID'] as (typeof INTEREST_ELEMENTS)[number]);
    if (scale < 0) continue;
    const value = Number(r['Data Value']);
    if (!(value >= 1 && value <= 7)) {
      throw new Error(
        `${SOURCE_FILES.interests}: ${r['O*NET-SOC Code']} ${r['Element ID']} = ${r['Data Value']}`,
      );
    }
    const code = r['O*NET-SOC Code']!;
    const vector = levels.get(code) ?? Array<number>(6).fill(Number.NaN);
    vector[scale] = value;
    levels.set(code, vector);
  }
  for (const [code, vector] of levels) {
    // A partial profile would silently bias the mean, so only complete ones count.
    if (vector.every(Number.isFinite)) entry(code).interests = vector as unknown as RiasecVector;
  }
  for (const r of toRecords(
    parseTsv(texts.jobZones),
    ['O*NET-SOC Code', 'Job Zone'],
    SOURCE_FILES.jobZones,
  )) {
    const zone = Number(r['Job Zone']);
    if (!Number.isInteger(zone) || zone < 1 || zone > 5) {
      throw new Error(`${SOURCE_FILES.jobZones}: ${r['O*NET-SOC Code']} job zone "${r['Job Zone']}"`);
    }
    entry(r['O*NET-SOC Code']!).jobZone = zone;
  }
  return byCode;
}

export interface UnitGroupTitle {
  code: string;
  title: string;
  source: 'ilo' | 'esco';
}

/** scripts/data/isco08-unit-groups.csv: code,title,title_source (ilo | esco). */
export function parseUnitGroupTitles(
  text: string,
  file = 'isco08-unit-groups.csv',
): Map<string, UnitGroupTitle> {
  const titles = new Map<string, UnitGroupTitle>();
  toRecords(parseCsv(text), ['code', 'title', 'title_source'], file).forEach((r, i) => {
    const code = r['code']!.trim();
    const source = r['title_source']!.trim();
    if (!/^\d{4}$/.test(code)) throw new Error(`${file} row ${i + 1}: code "${code}" is not 4 digits`);
    if (source !== 'ilo' && source !== 'esco')
      throw new Error(`${file} row ${i + 1}: title_source "${source}"`);
    if (titles.has(code)) throw new Error(`${file} row ${i + 1}: code ${code} listed twice`);
    titles.set(code, { code, title: r['title']!.trim(), source });
  });
  return titles;
}

// ---------------------------------------------------------------------------------------------
// Aggregation (pure)

export type Resolution = 'direct' | 'parent' | 'title';

function usable(occupation: OnetOccupation | undefined): occupation is Required<OnetOccupation> {
  return occupation?.interests !== undefined && occupation.jobZone !== undefined;
}

/**
 * The O*NET occupation whose data stands for a crosswalk link. The crosswalk was built on O*NET-SOC
 * 2010 codes; the release carries 2019 codes, so a code without data falls back to its parent `.00`
 * occupation, then to the one occupation with the same title (most renumbered occupations kept it).
 */
export function resolveOnet(
  link: Pick<CrosswalkLink, 'onetCode' | 'onetTitle'>,
  onet: ReadonlyMap<string, OnetOccupation>,
  byTitle: ReadonlyMap<string, readonly string[]>,
): { occupation: Required<OnetOccupation>; via: Resolution } | undefined {
  const direct = onet.get(link.onetCode);
  if (usable(direct)) return { occupation: direct, via: 'direct' };
  const parent = onet.get(`${link.onetCode.slice(0, -3)}.00`);
  if (usable(parent)) return { occupation: parent, via: 'parent' };
  const sameTitle = byTitle.get(link.onetTitle.toLowerCase()) ?? [];
  if (sameTitle.length === 1) {
    const named = onet.get(sameTitle[0]!);
    if (usable(named)) return { occupation: named, via: 'title' };
  }
  return undefined;
}

export function indexByTitle(onet: ReadonlyMap<string, OnetOccupation>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const occupation of onet.values()) {
    if (!occupation.title) continue;
    const key = occupation.title.toLowerCase();
    index.set(key, [...(index.get(key) ?? []), occupation.code]);
  }
  return index;
}

export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  let total = 0;
  values.forEach((v, i) => {
    sum += v * weights[i]!;
    total += weights[i]!;
  });
  return sum / total;
}

/** Population form (weights normalised to sum 1): the spread of the group, not a sample estimate. */
export function weightedStdDev(values: readonly number[], weights: readonly number[]): number {
  const mean = weightedMean(values, weights);
  const variance = weightedMean(
    values.map((v) => (v - mean) ** 2),
    weights,
  );
  return Math.sqrt(Math.max(0, variance));
}

/**
 * Weighted median of integer job zones: the lowest zone whose cumulative weight passes half the
 * total. When a zone's cumulative weight is exactly half, the median lies between it and the next
 * zone and is their mean rounded half up, so a tie between zones 2 and 3 gives 3.
 */
export function weightedMedian(values: readonly number[], weights: readonly number[]): number {
  const order = values.map((v, i) => ({ v, w: weights[i]! })).sort((a, b) => a.v - b.v);
  const half = order.reduce((sum, x) => sum + x.w, 0) / 2;
  let cumulative = 0;
  for (let i = 0; i < order.length; i += 1) {
    cumulative += order[i]!.w;
    if (cumulative > half) return order[i]!.v;
    if (cumulative === half) {
      const next = order.slice(i + 1).find((x) => x.w > 0);
      return next ? Math.round((order[i]!.v + next.v) / 2) : order[i]!.v;
    }
  }
  throw new RangeError('weighted median of an empty or zero-weight list');
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;

export interface UnitGroupProfile {
  code: string;
  riasec: RiasecVector;
  spread: RiasecVector;
  jobZone: number;
  onetCodes: string[];
}

export interface Aggregation {
  profiles: UnitGroupProfile[];
  /** Unit groups none of whose links resolved to usable O*NET data. */
  omitted: string[];
  links: Record<Resolution | 'unresolved', number>;
  /** Distinct O*NET occupations that feed at least one profile. */
  onetUsed: number;
}

/**
 * One profile per unit group: every crosswalk link (an ESCO occupation) contributes its resolved
 * O*NET occupation's interest profile and job zone with the link's confidence as weight. An O*NET
 * occupation reached by several ESCO occupations therefore counts once per link: the mean
 * describes the unit group's ESCO occupations, not the set of O*NET codes. Values are rounded to
 * 2 decimals only here, at the end.
 */
export function aggregateUnitGroups(
  links: readonly CrosswalkLink[],
  onet: ReadonlyMap<string, OnetOccupation>,
): Aggregation {
  const byTitle = indexByTitle(onet);
  const counts: Aggregation['links'] = { direct: 0, parent: 0, title: 0, unresolved: 0 };
  const groups = new Map<string, { occupation: Required<OnetOccupation>; weight: number }[]>();
  for (const link of links) {
    const members = groups.get(link.iscoCode) ?? [];
    groups.set(link.iscoCode, members);
    const resolved = resolveOnet(link, onet, byTitle);
    if (!resolved) {
      counts.unresolved += 1;
      continue;
    }
    counts[resolved.via] += 1;
    members.push({ occupation: resolved.occupation, weight: link.confidence });
  }
  const profiles: UnitGroupProfile[] = [];
  const omitted: string[] = [];
  const used = new Set<string>();
  for (const code of [...groups.keys()].sort()) {
    const members = groups.get(code)!;
    if (members.length === 0) {
      omitted.push(code);
      continue;
    }
    const weights = members.map((m) => m.weight);
    const scale = (s: number) => members.map((m) => m.occupation.interests[s]!);
    const perScale = (f: (values: number[], w: number[]) => number) =>
      [0, 1, 2, 3, 4, 5].map((s) => round2(f(scale(s), weights))) as unknown as RiasecVector;
    const onetCodes = [...new Set(members.map((m) => m.occupation.code))].sort();
    for (const c of onetCodes) used.add(c);
    profiles.push({
      code,
      riasec: perScale(weightedMean),
      spread: perScale(weightedStdDev),
      jobZone: weightedMedian(
        members.map((m) => m.occupation.jobZone),
        weights,
      ),
      onetCodes,
    });
  }
  return { profiles, omitted, links: counts, onetUsed: used.size };
}

/** Up to three ESCO labels per group, most confident links first, then alphabetical. */
export function exampleLabels(links: readonly CrosswalkLink[], code: string, max = 3): string[] {
  return links
    .filter((l) => l.iscoCode === code)
    .sort((a, b) => b.confidence - a.confidence || compareText(a.escoOccupation, b.escoOccupation))
    .map((l) => l.escoOccupation)
    .filter((label, i, all) => all.indexOf(label) === i)
    .slice(0, max);
}

/**
 * The stand-in title for a group without a verified ISCO-08 title: its most frequent ESCO label,
 * ties broken by the link's confidence, then alphabetically. Capitalised like an ISCO title.
 */
export function escoFallbackTitle(links: readonly CrosswalkLink[], code: string): string {
  const tally = new Map<string, { count: number; confidence: number }>();
  for (const l of links) {
    if (l.iscoCode !== code) continue;
    const t = tally.get(l.escoOccupation) ?? { count: 0, confidence: 0 };
    tally.set(l.escoOccupation, { count: t.count + 1, confidence: Math.max(t.confidence, l.confidence) });
  }
  const [best] = [...tally.entries()].sort(
    ([la, a], [lb, b]) => b.count - a.count || b.confidence - a.confidence || compareText(la, lb),
  );
  if (!best) throw new RangeError(`no ESCO occupation in unit group ${code}`);
  return best[0].charAt(0).toUpperCase() + best[0].slice(1);
}

/** Locale-independent, so the output does not depend on the machine that builds it. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Assembly and output

export const ATTRIBUTION = [
  'This product includes information from the O*NET Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET(R) is a trademark of USDOL/ETA.',
  'ESCO-O*NET-ISCO-08 crosswalk: Copyright (c) 2021 Nesta, MIT License; Kanders, Djumalieva, Sleeman and Orlik (2020), "Mapping Career Causeways", Nesta.',
  'ISCO-08 unit group titles: International Standard Classification of Occupations (ISCO-08), International Labour Organization.',
];

export interface BuildInputs extends OnetSources {
  crosswalk: string;
  unitGroupTitles: string;
}

export interface BuildSummary {
  groups: number;
  omitted: { code: string; title: string }[];
  onetUsed: number;
  links: Aggregation['links'];
  escoTitles: string[];
}

/** Latest MM/YYYY in the Interests file's Date column: the release of the interest values. */
export function interestsRelease(interestsText: string): string {
  const dates = toRecords(parseTsv(interestsText), ['Date'], SOURCE_FILES.interests)
    .map((r) => r['Date']!)
    .filter((d) => /^\d{2}\/\d{4}$/.test(d));
  const key = (d: string) => `${d.slice(3)}-${d.slice(0, 2)}`;
  return dates.reduce((latest, d) => (key(d) > key(latest) ? d : latest), dates[0] ?? 'unknown');
}

export function buildOccupationTable(inputs: BuildInputs): { table: OccupationTable; summary: BuildSummary } {
  const links = parseCrosswalk(inputs.crosswalk);
  const onet = parseOnet(inputs);
  const titles = parseUnitGroupTitles(inputs.unitGroupTitles);
  const aggregation = aggregateUnitGroups(links, onet);
  const escoTitles: string[] = [];
  const titleOf = (code: string): Pick<OccupationEntry, 'title' | 'titleSource'> => {
    const listed = titles.get(code);
    if (listed?.source === 'ilo' && listed.title) return { title: listed.title, titleSource: 'ilo' };
    escoTitles.push(code);
    return { title: escoFallbackTitle(links, code), titleSource: 'esco' };
  };
  const occupations: OccupationEntry[] = aggregation.profiles.map((p) => ({
    code: p.code,
    ...titleOf(p.code),
    riasec: [...p.riasec] as OccupationEntry['riasec'],
    spread: [...p.spread] as OccupationEntry['spread'],
    jobZone: p.jobZone,
    onetCount: p.onetCodes.length,
    onetCodes: p.onetCodes,
    examples: exampleLabels(links, p.code),
  }));
  const table: OccupationTable = {
    header: {
      title: 'Occupation reference: O*NET interest profile and job zone per ISCO-08 / KBJI 2014 unit group',
      sources: [
        {
          name: 'O*NET Database: Interests, Job Zones, Occupation Data',
          publisher: 'U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)',
          version: `Interests values ${interestsRelease(inputs.interests)}; Job Zones O*NET 29.3`,
          licence: 'CC BY 4.0',
          files: [SOURCE_FILES.interests, SOURCE_FILES.jobZones, SOURCE_FILES.occupations],
        },
        {
          name: 'ESCO-O*NET-ISCO-08 crosswalk (Mapping Career Causeways)',
          publisher: 'Nesta',
          version: 'November 2020',
          licence: 'MIT',
          files: [SOURCE_FILES.crosswalk],
        },
        {
          name: 'ISCO-08 unit group titles',
          publisher: 'International Labour Organization',
          version: 'ISCO-08',
          licence: 'titles reproduced with attribution',
          files: ['scripts/data/isco08-unit-groups.csv'],
        },
      ],
      attribution: ATTRIBUTION,
      modified:
        'Aggregated from O*NET occupations to ISCO-08 unit groups through the crosswalk (confidence-weighted mean, standard deviation and median); values rounded to 2 decimals; O*NET-SOC 2010 codes of the crosswalk resolved to the release by parent code or identical title; one mis-encoded ESCO label repaired.',
      method:
        'riasec: weighted mean of O*NET OI (1-7) over the crosswalk links of the unit group, weight = link confidence (0.5, 1, 2); spread: weighted population standard deviation; jobZone: weighted median (ties between two zones rounded up); onetCount: distinct O*NET occupations used.',
    },
    occupations,
  };
  const checked = occupationTableSchema.safeParse(table);
  if (!checked.success) {
    throw new Error(
      `generated table is invalid: ${zodIssues(checked.error)
        .map((i) => `${i.field}: ${i.reason}`)
        .join('; ')}`,
    );
  }
  const omitted = aggregation.omitted.map((code) => ({
    code,
    title: titles.get(code)?.title || escoFallbackTitle(links, code),
  }));
  return {
    table,
    summary: {
      groups: occupations.length,
      omitted,
      onetUsed: aggregation.onetUsed,
      links: aggregation.links,
      escoTitles,
    },
  };
}

/**
 * One JSON object; the header and each unit group on a line of their own so a regeneration shows
 * up in a diff as the groups that changed. Same input, same bytes.
 */
export function serializeTable(table: OccupationTable): string {
  const lines = table.occupations.map((o) => `    ${JSON.stringify(o)}`);
  return `{\n  "header": ${JSON.stringify(table.header)},\n  "occupations": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

export function formatSummary(summary: BuildSummary, out: string): string {
  const { links } = summary;
  const lines = [
    `occupation reference written to ${out}`,
    `  unit groups: ${summary.groups} (omitted without usable O*NET data: ${summary.omitted.length})`,
    `  O*NET occupations used: ${summary.onetUsed}`,
    `  crosswalk links: ${links.direct} direct, ${links.parent} via parent .00 code, ${links.title} via identical title, ${links.unresolved} unresolved`,
    `  titles from ESCO labels (no verified ISCO-08 title): ${summary.escoTitles.length ? summary.escoTitles.join(', ') : 'none'}`,
  ];
  for (const o of summary.omitted) lines.push(`  omitted ${o.code} ${o.title}`);
  return lines.join('\n');
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string', default: join(REPO_ROOT, '..', 'shared', 'data') },
      out: { type: 'string', default: join(REPO_ROOT, 'core', 'reference', 'data', 'occupations.json') },
      titles: { type: 'string', default: join(REPO_ROOT, 'scripts', 'data', 'isco08-unit-groups.csv') },
    },
  });
  const data = resolve(values.data);
  const read = (file: string) => readFileSync(join(data, file), 'utf8');
  const { table, summary } = buildOccupationTable({
    interests: read(SOURCE_FILES.interests),
    jobZones: read(SOURCE_FILES.jobZones),
    occupations: read(SOURCE_FILES.occupations),
    crosswalk: read(SOURCE_FILES.crosswalk),
    unitGroupTitles: readFileSync(resolve(values.titles), 'utf8'),
  });
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, serializeTable(table));
  console.log(formatSummary(summary, out));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
