/**
 * Synthetic training providers and offers. Public BLKs (Balai Latihan Kerja) run many free,
 * certified courses; private LPKs specialise and mostly charge a fee.
 */
import type { IsoDate } from '#core/domain/calendar';
import type { DisabilityDomain } from '#core/domain/disability';
import type { TrainingOffer } from '#core/domain/records';
import type { SeededRandom } from '#core/domain/seeded-random';
import {
  CENTRAL_JAVA_DISTRICTS,
  COURSES,
  type CourseTemplate,
  NAME_WORDS,
  PESANTREN_NAMES,
} from './catalogue.ts';
import { addDays } from './dates.ts';

export interface Provider {
  providerId: string;
  name: string;
  kind: 'BLK' | 'LPK';
  district: string;
  courses: readonly CourseTemplate[];
}

export function providerId(n: number): string {
  return `P-${String(n).padStart(4, '0')}`;
}

export function trainingId(n: number): string {
  return `T-${String(n).padStart(5, '0')}`;
}

/** About three in ten providers are BLKs: one per district first, then community BLKs at pesantren. */
function blkName(index: number, districts: readonly string[]): { name: string; district: string } {
  if (index < districts.length) {
    const district = districts[index]!;
    return { name: `UPTD BLK ${CENTRAL_JAVA_DISTRICTS[district] ?? district}`, district };
  }
  const n = index - districts.length;
  const pesantren = PESANTREN_NAMES[n % PESANTREN_NAMES.length]!;
  const round = Math.floor(n / PESANTREN_NAMES.length);
  return {
    name: `BLK Komunitas Pondok Pesantren ${pesantren}${round > 0 ? ` ${round + 1}` : ''}`,
    district: districts[n % districts.length]!,
  };
}

/**
 * Some LPK names carry a comma or quotes, as real ones do ("LPK Melati, Kebumen"), so CSV quoting
 * is exercised by ordinary data.
 */
function lpkName(random: SeededRandom, course: CourseTemplate, district: string, used: Set<string>): string {
  const [a, b] = random.sample(NAME_WORDS, 2);
  const place = (CENTRAL_JAVA_DISTRICTS[district] ?? district).replace(/^(Kabupaten|Kota) /, '');
  const base = random.weighted([
    { value: `LPK ${a} ${course.providerWord}`, weight: 50 },
    { value: `LPK ${course.providerWord} ${a} ${b}`, weight: 30 },
    { value: `LPK ${a} ${course.providerWord}, ${place}`, weight: 12 },
    { value: `LPK "${a}" ${course.providerWord}`, weight: 8 },
  ]);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base} ${n}`;
  used.add(name);
  return name;
}

export function drawProviders(random: SeededRandom, count: number, districts: readonly string[]): Provider[] {
  const blkCount = Math.max(1, Math.round(count * 0.3));
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i): Provider => {
    if (i < blkCount) {
      const { name, district } = blkName(i, districts);
      return {
        providerId: providerId(i + 1),
        name,
        kind: 'BLK',
        district,
        courses: random.sample(COURSES, random.int(6, 12)),
      };
    }
    const district = random.pick(districts);
    const specialty = random.pick(COURSES);
    const related = COURSES.filter((c) => c !== specialty && c.providerWord === specialty.providerWord);
    return {
      providerId: providerId(i + 1),
      name: lpkName(random, specialty, district, used),
      kind: 'LPK',
      district,
      courses: [specialty, ...random.sample(related, random.int(0, 2))],
    };
  });
}

const ACCESSIBLE_OPTIONS: readonly DisabilityDomain[] = ['hearing', 'walking', 'communication', 'seeing'];

export interface TrainingDraw {
  asOf: IsoDate;
  providers: readonly Provider[];
}

export interface TrainingGenerator {
  next(): TrainingOffer;
}

export function trainingGenerator(random: SeededRandom, draw: TrainingDraw): TrainingGenerator {
  // BLKs run more cohorts than LPKs.
  const providerMix = draw.providers.map((value) => ({ value, weight: value.kind === 'BLK' ? 2.2 : 1 }));
  let count = 0;
  return {
    next(): TrainingOffer {
      const provider = count < draw.providers.length ? draw.providers[count]! : random.weighted(providerMix);
      count += 1;
      const course = random.pick(provider.courses);
      const isBlk = provider.kind === 'BLK';
      const offer: TrainingOffer = {
        training_id: trainingId(count),
        provider_id: provider.providerId,
        provider_name: provider.name,
        title: `${course.title}${random.chance(0.4) ? ` Angkatan ${random.int(1, 6)}` : ''}`,
        target_occupations: [...course.targets],
        skills_taught: [...course.skills],
        district: provider.district,
        seats: isBlk
          ? random.weighted([
              { value: 16, weight: 60 },
              { value: random.int(10, 30), weight: 40 },
            ])
          : random.int(10, 30),
        start_date: addDays(draw.asOf, random.int(-15, 75)),
        duration_days: random.int(course.durationDays[0], course.durationDays[1]),
        cost_idr:
          isBlk || random.chance(0.15)
            ? 0
            : Math.round((500_000 + random.float() * 4_500_000) / 50_000) * 50_000,
        min_education: course.education,
      };
      if (random.chance(0.6)) {
        offer.min_age = 18;
        offer.max_age = random.pick([30, 35, 35, 40]);
      }
      if (random.chance(isBlk ? 0.25 : 0.1)) {
        offer.accessible_for = random
          .sample(ACCESSIBLE_OPTIONS, random.int(1, 2))
          .sort((x, y) => ACCESSIBLE_OPTIONS.indexOf(x) - ACCESSIBLE_OPTIONS.indexOf(y));
      }
      offer.certified = isBlk ? random.chance(0.9) : random.chance(0.55);
      return offer;
    },
  };
}
