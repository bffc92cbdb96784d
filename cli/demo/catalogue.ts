/**
 * What the demo world is made of: districts, occupations of Central Java's labour market, the
 * skill phrases employers and young people actually write, and the parts of employer and training
 * provider names. Weights are rough shares chosen to look like the programme's setting, not
 * statistics to cite.
 */
import type { DisabilityDomain } from '#core/domain/disability';
import type { EducationLevel } from '#core/domain/education';
import type { ContractType } from '#core/domain/records';
import type { Weighted } from '#core/domain/seeded-random';
import { centralJavaDistricts } from '#core/reference/districts';
import { DEFAULT_PILOT_DISTRICTS } from '#core/reference/pilot';

/** District names by BPS code, from the engine's own reference table. */
export const CENTRAL_JAVA_DISTRICTS: Readonly<Record<string, string>> = Object.fromEntries(
  centralJavaDistricts.map((d) => [d.code, d.name]),
);

/** The programme's configured pilot districts (core/reference/pilot.ts), so demo youth are rematched. */
export { DEFAULT_PILOT_DISTRICTS };

/** Districts bordering the pilot area where employers and institutes also recruit. */
export const DEFAULT_NEIGHBOUR_DISTRICTS = ['3322', '3324', '3321', '3328', '3311', '3309', '3303'] as const;

/** A BPS-shaped code that belongs to no Central Java district: used for the deliberately invalid rows. */
export const UNKNOWN_DISTRICT = '3399';

/** Where the registered poor youth live (larger and poorer districts weigh more); 1 for any other. */
export const YOUTH_DISTRICT_WEIGHT: Readonly<Record<string, number>> = {
  '3374': 1.0,
  '3310': 0.9,
  '3316': 0.7,
  '3372': 0.6,
  '3322': 0.7,
  '3324': 0.65,
  '3321': 0.75,
  '3315': 0.95,
  '3329': 1.25,
  '3327': 0.95,
  '3302': 1.0,
  '3301': 1.1,
  '3305': 0.9,
  '3307': 0.6,
};

/** Where the jobs are: the Semarang-Kendal-Demak industrial corridor and Batang's estate weigh most. */
export const EMPLOYER_DISTRICT_WEIGHT: Readonly<Record<string, number>> = {
  '3374': 3.0,
  '3372': 1.6,
  '3310': 0.9,
  '3316': 0.5,
  '3322': 1.5,
  '3324': 1.6,
  '3321': 1.3,
  '3315': 0.6,
  '3329': 0.7,
  '3327': 0.6,
  '3302': 1.0,
  '3301': 1.0,
  '3305': 0.5,
  '3307': 0.4,
  '3325': 0.8,
};

export const EDUCATION_MIX: readonly Weighted<EducationLevel>[] = [
  { value: 'none', weight: 1 },
  { value: 'SD', weight: 12 },
  { value: 'SMP', weight: 30 },
  { value: 'SMA', weight: 25 },
  { value: 'SMK', weight: 24 },
  { value: 'D1', weight: 1 },
  { value: 'D3', weight: 3 },
  { value: 'S1', weight: 4 },
];

/** Youngest age at which a level can have been completed. */
export const EDUCATION_MIN_AGE: Partial<Record<EducationLevel, number>> = { D1: 19, D3: 21, S1: 22 };

/** DTSEN welfare deciles 1..10: the programme targets the poorest. */
export const WELFARE_DECILE_MIX: readonly Weighted<number>[] = [28, 24, 19, 13, 7, 4, 2, 1.5, 1, 0.5].map(
  (weight, i) => ({ value: i + 1, weight }),
);

export const DISABILITY_DOMAIN_MIX: readonly Weighted<DisabilityDomain>[] = [
  { value: 'seeing', weight: 25 },
  { value: 'walking', weight: 25 },
  { value: 'cognition', weight: 15 },
  { value: 'hearing', weight: 15 },
  { value: 'communication', weight: 10 },
  { value: 'self_care', weight: 10 },
];

type ContractMix = 'factory' | 'shop' | 'casual' | 'office' | 'trade';

export const CONTRACT_MIX: Readonly<Record<ContractMix, readonly Weighted<ContractType>[]>> = {
  factory: [
    { value: 'contract', weight: 50 },
    { value: 'permanent', weight: 15 },
    { value: 'daily', weight: 20 },
    { value: 'apprenticeship', weight: 10 },
    { value: 'internship', weight: 5 },
  ],
  shop: [
    { value: 'contract', weight: 50 },
    { value: 'permanent', weight: 20 },
    { value: 'internship', weight: 15 },
    { value: 'daily', weight: 15 },
  ],
  casual: [
    { value: 'daily', weight: 70 },
    { value: 'contract', weight: 30 },
  ],
  office: [
    { value: 'contract', weight: 45 },
    { value: 'permanent', weight: 35 },
    { value: 'internship', weight: 20 },
  ],
  trade: [
    { value: 'contract', weight: 40 },
    { value: 'permanent', weight: 25 },
    { value: 'apprenticeship', weight: 25 },
    { value: 'daily', weight: 10 },
  ],
};

export interface OccupationTemplate {
  /** ISCO-08 unit group. */
  code: string;
  titles: readonly string[];
  /** Typical Holland code; a vacancy override varies it. */
  holland: string;
  education: readonly EducationLevel[];
  skills: readonly string[];
  openings: readonly [number, number];
  /** Wage relative to the district minimum wage. */
  wageFactor: readonly [number, number];
  contracts: ContractMix;
  /** Workplace accommodations an employer of this kind plausibly offers. */
  accessible: readonly DisabilityDomain[];
  /** The restriction an employer writes in the rare vacancy that has one (flagged for review). */
  genderWritten: 'male' | 'female';
}

const occupation = (o: OccupationTemplate): OccupationTemplate => o;

export const OCCUPATIONS: readonly OccupationTemplate[] = [
  occupation({
    code: '7531',
    titles: ['Penjahit', 'Penjahit Pakaian Jadi', 'Penjahit Konveksi'],
    holland: 'RAC',
    education: ['SD', 'SMP'],
    skills: ['menjahit', 'membuat pola pakaian', 'obras'],
    openings: [1, 10],
    wageFactor: [0.9, 1.1],
    contracts: 'factory',
    accessible: ['hearing', 'communication', 'walking'],
    genderWritten: 'female',
  }),
  occupation({
    code: '8153',
    titles: ['Operator Mesin Jahit', 'Operator Sewing', 'Penjahit Produksi Garmen'],
    holland: 'RCE',
    education: ['SMP', 'SMA', 'SMP'],
    skills: ['menjahit', 'mesin jahit industri', 'obras', 'quality control'],
    openings: [5, 30],
    wageFactor: [1.0, 1.05],
    contracts: 'factory',
    accessible: ['hearing', 'communication'],
    genderWritten: 'female',
  }),
  occupation({
    code: '8160',
    titles: ['Operator Produksi Makanan', 'Operator Mesin Pengemasan', 'Operator Produksi Minuman'],
    holland: 'RCI',
    education: ['SMP', 'SMA', 'SMK'],
    skills: ['pengolahan makanan', 'keamanan pangan', 'quality control'],
    openings: [3, 25],
    wageFactor: [1.0, 1.1],
    contracts: 'factory',
    accessible: ['hearing', 'communication'],
    genderWritten: 'female',
  }),
  occupation({
    code: '9329',
    titles: ['Buruh Pabrik', 'Helper Produksi', 'Pekerja Produksi', 'Pekerja Harian Lepas Produksi'],
    holland: 'RC',
    education: ['SD', 'SMP', 'SMP'],
    skills: ['packing', 'K3'],
    openings: [5, 30],
    wageFactor: [0.95, 1.0],
    contracts: 'factory',
    accessible: ['hearing', 'communication'],
    genderWritten: 'male',
  }),
  occupation({
    code: '5223',
    titles: ['Pramuniaga', 'SPG', 'SPB', 'Staf Toko'],
    holland: 'ECS',
    education: ['SMA', 'SMK', 'SMP'],
    skills: ['pelayanan pelanggan', 'kerja tim', 'sales'],
    openings: [1, 8],
    wageFactor: [0.9, 1.05],
    contracts: 'shop',
    accessible: ['walking'],
    genderWritten: 'female',
  }),
  occupation({
    code: '5230',
    titles: ['Kasir', 'Kasir Minimarket', 'Kasir Toko'],
    holland: 'CES',
    education: ['SMA', 'SMK'],
    skills: ['kasir', 'Microsoft Excel', 'pelayanan pelanggan', 'pengelolaan kas'],
    openings: [1, 5],
    wageFactor: [0.95, 1.05],
    contracts: 'shop',
    accessible: ['walking', 'hearing'],
    genderWritten: 'female',
  }),
  occupation({
    code: '8322',
    titles: ['Sopir', 'Driver Ekspedisi', 'Sopir Pribadi', 'Driver Mobil Box'],
    holland: 'RCE',
    education: ['SMP', 'SMA'],
    skills: ['SIM A', 'SIM B1', 'mengemudi mobil'],
    openings: [1, 5],
    wageFactor: [1.0, 1.25],
    contracts: 'shop',
    accessible: [],
    genderWritten: 'male',
  }),
  occupation({
    code: '8321',
    titles: ['Kurir', 'Kurir Paket', 'Kurir Motor'],
    holland: 'RC',
    education: ['SMP', 'SMA'],
    skills: ['SIM C', 'mengendarai motor', 'pengiriman barang'],
    openings: [2, 15],
    wageFactor: [0.9, 1.1],
    contracts: 'shop',
    accessible: ['hearing'],
    genderWritten: 'male',
  }),
  occupation({
    code: '8344',
    titles: ['Operator Forklift', 'Operator Reach Truck'],
    holland: 'RCE',
    education: ['SMA', 'SMK'],
    skills: ['forklift', 'SIO forklift', 'K3'],
    openings: [1, 5],
    wageFactor: [1.05, 1.25],
    contracts: 'factory',
    accessible: [],
    genderWritten: 'male',
  }),
  occupation({
    code: '7212',
    titles: ['Welder', 'Tukang Las', 'Juru Las SMAW'],
    holland: 'RCI',
    education: ['SMP', 'SMK'],
    skills: ['mengelas', 'las listrik', 'membaca gambar teknik'],
    openings: [1, 10],
    wageFactor: [1.05, 1.35],
    contracts: 'trade',
    accessible: ['hearing'],
    genderWritten: 'male',
  }),
  occupation({
    code: '7231',
    titles: ['Mekanik Sepeda Motor', 'Mekanik Mobil', 'Teknisi Bengkel'],
    holland: 'RIC',
    education: ['SMK', 'SMP'],
    skills: ['perawatan sepeda motor', 'servis mobil', 'kelistrikan otomotif'],
    openings: [1, 4],
    wageFactor: [0.95, 1.25],
    contracts: 'trade',
    accessible: ['hearing'],
    genderWritten: 'male',
  }),
  occupation({
    code: '7411',
    titles: ['Teknisi Listrik', 'Instalatir Listrik', 'Electrician'],
    holland: 'RIC',
    education: ['SMK'],
    skills: ['instalasi listrik', 'membaca gambar teknik', 'K3'],
    openings: [1, 5],
    wageFactor: [1.05, 1.35],
    contracts: 'trade',
    accessible: [],
    genderWritten: 'male',
  }),
  occupation({
    code: '5120',
    titles: ['Juru Masak', 'Cook', 'Koki', 'Cook Helper'],
    holland: 'REA',
    education: ['SMP', 'SMA', 'SMK'],
    skills: ['memasak', 'tata boga', 'keamanan pangan'],
    openings: [1, 5],
    wageFactor: [0.95, 1.2],
    contracts: 'shop',
    accessible: ['hearing', 'communication'],
    genderWritten: 'male',
  }),
  occupation({
    code: '5131',
    titles: ['Pramusaji', 'Waiter', 'Waitress', 'Crew Restoran'],
    holland: 'SER',
    education: ['SMA', 'SMK', 'SMP'],
    skills: ['pelayanan pelanggan', 'kerja tim', 'bahasa Inggris'],
    openings: [1, 8],
    wageFactor: [0.9, 1.0],
    contracts: 'shop',
    accessible: ['hearing'],
    genderWritten: 'female',
  }),
  occupation({
    code: '5132',
    titles: ['Barista', 'Barista Kafe'],
    holland: 'ERS',
    education: ['SMA', 'SMK'],
    skills: ['barista', 'latte art', 'pelayanan pelanggan'],
    openings: [1, 3],
    wageFactor: [0.9, 1.1],
    contracts: 'shop',
    accessible: ['hearing'],
    genderWritten: 'male',
  }),
  occupation({
    code: '5141',
    titles: ['Kapster', 'Penata Rambut', 'Barber'],
    holland: 'ASE',
    education: ['SMP', 'SMA'],
    skills: ['potong rambut', 'tata rias'],
    openings: [1, 3],
    wageFactor: [0.85, 1.1],
    contracts: 'shop',
    accessible: ['hearing'],
    genderWritten: 'female',
  }),
  occupation({
    code: '5142',
    titles: ['Beautician', 'Terapis Kecantikan', 'Perias'],
    holland: 'SAE',
    education: ['SMA', 'SMK'],
    skills: ['tata rias', 'perawatan kulit'],
    openings: [1, 3],
    wageFactor: [0.9, 1.15],
    contracts: 'shop',
    accessible: ['hearing'],
    genderWritten: 'female',
  }),
  occupation({
    code: '4110',
    titles: ['Staf Administrasi', 'Admin Kantor', 'Admin Online Shop', 'Admin Data Entry'],
    holland: 'CES',
    education: ['SMA', 'SMK', 'D3'],
    skills: ['Microsoft Office', 'Microsoft Excel', 'Microsoft Word', 'mengetik cepat', 'arsip'],
    openings: [1, 3],
    wageFactor: [0.95, 1.2],
    contracts: 'office',
    accessible: ['walking', 'hearing', 'communication'],
    genderWritten: 'female',
  }),
  occupation({
    code: '4311',
    titles: ['Staf Pembukuan', 'Admin Keuangan', 'Staf Akuntansi'],
    holland: 'CEI',
    education: ['SMK', 'D3', 'S1'],
    skills: ['akuntansi', 'Microsoft Excel', 'kas kecil', 'aplikasi akuntansi'],
    openings: [1, 2],
    wageFactor: [1.0, 1.3],
    contracts: 'office',
    accessible: ['walking', 'hearing'],
    genderWritten: 'female',
  }),
  occupation({
    code: '4321',
    titles: ['Admin Gudang', 'Staf Gudang', 'Checker Gudang'],
    holland: 'CRE',
    education: ['SMA', 'SMK'],
    skills: ['Microsoft Excel', 'stock opname', 'forklift'],
    openings: [1, 5],
    wageFactor: [1.0, 1.15],
    contracts: 'factory',
    accessible: ['hearing'],
    genderWritten: 'male',
  }),
  occupation({
    code: '5321',
    titles: ['Perawat Lansia', 'Caregiver', 'Asisten Perawat', 'Pengasuh Anak'],
    holland: 'SRC',
    education: ['SMA', 'SMK', 'D3'],
    skills: ['perawatan lansia', 'pertolongan pertama', 'bahasa Inggris', 'bahasa Jepang'],
    openings: [1, 10],
    wageFactor: [0.95, 1.3],
    contracts: 'office',
    accessible: [],
    genderWritten: 'female',
  }),
  occupation({
    code: '6221',
    titles: ['Pembudidaya Ikan', 'Pekerja Tambak', 'Operator Kolam Lele'],
    holland: 'RCI',
    education: ['SD', 'SMP'],
    skills: ['budidaya ikan air tawar', 'budidaya lele', 'tambak udang'],
    openings: [1, 6],
    wageFactor: [0.85, 1.0],
    contracts: 'casual',
    accessible: ['hearing', 'communication'],
    genderWritten: 'male',
  }),
  occupation({
    code: '6111',
    titles: ['Petani', 'Pekerja Kebun', 'Buruh Tani'],
    holland: 'RCE',
    education: ['none', 'SD', 'SMP'],
    skills: ['budidaya padi', 'pupuk organik', 'hidroponik'],
    openings: [2, 20],
    wageFactor: [0.85, 0.95],
    contracts: 'casual',
    accessible: ['hearing', 'communication'],
    genderWritten: 'male',
  }),
  occupation({
    code: '3512',
    titles: ['Teknisi Komputer', 'IT Support', 'Helpdesk IT'],
    holland: 'RIC',
    education: ['SMK', 'D3', 'S1'],
    skills: ['jaringan komputer', 'servis komputer', 'Microsoft Office'],
    openings: [1, 2],
    wageFactor: [1.05, 1.4],
    contracts: 'office',
    accessible: ['walking', 'hearing'],
    genderWritten: 'male',
  }),
  occupation({
    code: '2166',
    titles: ['Desainer Grafis', 'Graphic Designer', 'Desainer Konten Media Sosial'],
    holland: 'AER',
    education: ['SMK', 'D3', 'S1'],
    skills: ['desain grafis', 'CorelDRAW', 'edit video', 'foto produk'],
    openings: [1, 2],
    wageFactor: [1.0, 1.4],
    contracts: 'office',
    accessible: ['walking', 'hearing', 'communication'],
    genderWritten: 'female',
  }),
  occupation({
    code: '9412',
    titles: ['Pembantu Dapur', 'Kitchen Helper', 'Dishwasher'],
    holland: 'RSC',
    education: ['SD', 'SMP'],
    skills: ['memasak', 'higiene sanitasi'],
    openings: [1, 5],
    wageFactor: [0.85, 0.95],
    contracts: 'shop',
    accessible: ['hearing', 'communication', 'cognition'],
    genderWritten: 'female',
  }),
  occupation({
    code: '7115',
    titles: ['Tukang Kayu', 'Tukang Mebel', 'Pengrajin Mebel'],
    holland: 'RCI',
    education: ['SD', 'SMP'],
    skills: ['pertukangan kayu', 'membuat mebel', 'membaca gambar teknik'],
    openings: [1, 10],
    wageFactor: [0.9, 1.15],
    contracts: 'trade',
    accessible: ['hearing', 'communication'],
    genderWritten: 'male',
  }),
  occupation({
    code: '7522',
    titles: ['Pembuat Mebel', 'Pengrajin Furnitur', 'Pengukir Kayu'],
    holland: 'RAC',
    education: ['SD', 'SMP'],
    skills: ['pertukangan kayu', 'ukir kayu', 'membuat mebel'],
    openings: [1, 10],
    wageFactor: [0.9, 1.15],
    contracts: 'trade',
    accessible: ['hearing', 'communication'],
    genderWritten: 'male',
  }),
  occupation({
    code: '9313',
    titles: ['Kenek Bangunan', 'Pekerja Bangunan', 'Kuli Bangunan'],
    holland: 'RCE',
    education: ['none', 'SD', 'SMP'],
    skills: ['pasang bata', 'K3'],
    openings: [2, 20],
    wageFactor: [0.9, 1.0],
    contracts: 'casual',
    accessible: [],
    genderWritten: 'male',
  }),
  occupation({
    code: '4222',
    titles: ['Customer Service', 'Agen Call Center', 'Telemarketing'],
    holland: 'ESC',
    education: ['SMA', 'SMK', 'D3'],
    skills: ['pelayanan pelanggan', 'kerja tim', 'bahasa Inggris', 'Microsoft Office'],
    openings: [2, 20],
    wageFactor: [1.0, 1.2],
    contracts: 'office',
    accessible: ['walking', 'seeing'],
    genderWritten: 'female',
  }),
  occupation({
    code: '7512',
    titles: ['Baker', 'Pembuat Roti dan Kue'],
    holland: 'RCA',
    education: ['SMP', 'SMA'],
    skills: ['membuat kue', 'tata boga', 'keamanan pangan'],
    openings: [1, 4],
    wageFactor: [0.9, 1.1],
    contracts: 'shop',
    accessible: ['hearing', 'communication'],
    genderWritten: 'female',
  }),
  occupation({
    code: '9112',
    titles: ['Petugas Kebersihan', 'Cleaning Service', 'Office Boy'],
    holland: 'RCS',
    education: ['SD', 'SMP'],
    skills: ['cleaning service'],
    openings: [1, 10],
    wageFactor: [0.9, 1.0],
    contracts: 'shop',
    accessible: ['hearing', 'communication', 'cognition'],
    genderWritten: 'male',
  }),
  occupation({
    code: '5414',
    titles: ['Satpam', 'Security'],
    holland: 'RES',
    education: ['SMA', 'SMK'],
    skills: ['Gada Pratama', 'pertolongan pertama'],
    openings: [1, 5],
    wageFactor: [1.0, 1.1],
    contracts: 'office',
    accessible: [],
    genderWritten: 'male',
  }),
  occupation({
    code: '9333',
    titles: ['Helper Gudang', 'Buruh Angkut', 'Pekerja Bongkar Muat'],
    holland: 'RCE',
    education: ['SD', 'SMP'],
    skills: ['packing', 'forklift'],
    openings: [2, 15],
    wageFactor: [0.9, 1.0],
    contracts: 'casual',
    accessible: ['hearing', 'communication'],
    genderWritten: 'male',
  }),
  occupation({
    code: '7421',
    titles: ['Teknisi Elektronik', 'Teknisi HP', 'Teknisi Servis Elektronik'],
    holland: 'RIC',
    education: ['SMK', 'SMP'],
    skills: ['servis HP', 'servis elektronik', 'servis AC'],
    openings: [1, 3],
    wageFactor: [0.95, 1.2],
    contracts: 'trade',
    accessible: ['walking', 'hearing'],
    genderWritten: 'male',
  }),
  occupation({
    code: '7318',
    titles: ['Pembatik', 'Pengrajin Batik Tulis', 'Pengrajin Batik Cap'],
    holland: 'ARC',
    education: ['SD', 'SMP'],
    skills: ['membatik', 'batik cap'],
    openings: [1, 10],
    wageFactor: [0.85, 1.0],
    contracts: 'casual',
    accessible: ['hearing', 'communication', 'walking'],
    genderWritten: 'female',
  }),
];

export function occupationByCode(code: string): OccupationTemplate {
  const found = OCCUPATIONS.find((o) => o.code === code);
  if (!found) throw new RangeError(`no demo occupation template for ${code}`);
  return found;
}

export interface Sector {
  name: string;
  /** Share of employers. */
  weight: number;
  /** How many vacancies an employer of this sector tends to post (relative). */
  size: number;
  occupations: readonly Weighted<string>[];
  /** Employer name patterns; `{a}` and `{b}` are filled from NAME_WORDS, `{d}` with a place. */
  names: readonly string[];
}

const mix = (entries: Record<string, number>): Weighted<string>[] =>
  Object.entries(entries).map(([value, weight]) => ({ value, weight }));

export const SECTORS: readonly Sector[] = [
  {
    name: 'garment',
    weight: 10,
    size: 3,
    occupations: mix({ '8153': 6, '7531': 2, '9329': 2, '4321': 1, '4110': 0.5, '9333': 1 }),
    names: ['PT {a} Garmen {b}', 'PT {a} Apparel Indonesia', 'PT {a} {b} Busana', 'CV Konveksi {a} {b}'],
  },
  {
    name: 'food processing',
    weight: 7,
    size: 2.5,
    occupations: mix({ '8160': 5, '9329': 3, '7512': 1, '4321': 1, '8344': 0.7, '9333': 1 }),
    names: ['PT {a} {b} Food', 'PT {a} Pangan {d}', 'CV {a} Snack {d}', 'UD {a} {b} Makanan'],
  },
  {
    name: 'furniture',
    weight: 5,
    size: 1.5,
    occupations: mix({ '7115': 3, '7522': 3, '9329': 2, '9333': 1 }),
    names: ['CV {a} Mebel {d}', 'UD {a} Jati', 'PT {a} {b} Furniture'],
  },
  {
    name: 'retail',
    weight: 12,
    size: 1,
    occupations: mix({ '5223': 4, '5230': 3, '4321': 1, '9333': 1, '8321': 0.5 }),
    names: ['Toko {a} {b}', 'Swalayan {a} {d}', '{a} Mart', 'CV {a} Grosir {d}'],
  },
  {
    name: 'culinary',
    weight: 12,
    size: 0.8,
    occupations: mix({ '5120': 3, '5131': 3, '5132': 1.5, '9412': 2, '5230': 1, '7512': 1 }),
    names: ['RM {a} {b}', 'Warung Makan {a}', 'Kafe {a} {b}', 'Resto {a} {d}', 'Bakery {a}'],
  },
  {
    name: 'automotive',
    weight: 7,
    size: 0.8,
    occupations: mix({ '7231': 4, '7212': 1, '4110': 0.5, '5223': 0.5 }),
    names: ['Bengkel {a} Motor', 'CV {a} {b} Motor', 'Bengkel Las {a}'],
  },
  {
    name: 'construction',
    weight: 6,
    size: 1.2,
    occupations: mix({ '9313': 4, '7115': 2, '7411': 1.5, '7212': 1.5 }),
    names: ['CV {a} Konstruksi', 'PT {a} {b} Karya Bangun', 'CV {a} Teknik {d}'],
  },
  {
    name: 'logistics',
    weight: 6,
    size: 1.3,
    occupations: mix({ '8322': 2, '8321': 3, '8344': 1.5, '9333': 2, '4321': 1.5 }),
    names: ['PT {a} Ekspedisi', 'CV {a} {b} Logistik', 'PT {a} Kirim {d}'],
  },
  {
    name: 'office services',
    weight: 8,
    size: 0.9,
    occupations: mix({ '4110': 3, '4311': 2, '4222': 2, '3512': 1, '2166': 1 }),
    names: ['PT {a} Solusi Digital', 'KSP {a} {b}', 'PT {a} {b} Teknologi', 'Koperasi {a} {d}'],
  },
  {
    name: 'care',
    weight: 4,
    size: 1,
    occupations: mix({ '5321': 4, '9112': 1, '4110': 0.5 }),
    names: ['Klinik {a} {b}', 'Yayasan {a} Lansia', 'Daycare {a} {d}'],
  },
  {
    name: 'beauty',
    weight: 4,
    size: 0.6,
    occupations: mix({ '5141': 3, '5142': 2, '5230': 0.5 }),
    names: ['Salon {a}', 'Barbershop {a} {d}', 'Klinik Kecantikan {a}'],
  },
  {
    name: 'agriculture and aquaculture',
    weight: 5,
    size: 0.8,
    occupations: mix({ '6111': 3, '6221': 3, '9329': 1 }),
    names: ['Kelompok Tani {a} {b}', 'UD Tambak {a}', 'CV {a} Agro {d}'],
  },
  {
    name: 'facility services',
    weight: 5,
    size: 1.2,
    occupations: mix({ '9112': 3, '5414': 3 }),
    names: ['PT {a} {b} Outsourcing', 'CV {a} Jasa {d}'],
  },
  {
    name: 'electronics',
    weight: 3,
    size: 0.6,
    occupations: mix({ '7421': 3, '3512': 2, '5223': 1 }),
    names: ['Service Center {a}', 'Toko {a} Elektronik', 'Counter HP {a}'],
  },
  {
    name: 'batik',
    weight: 3,
    size: 1,
    occupations: mix({ '7318': 5, '7531': 1, '5223': 1 }),
    names: ['Batik {a} {d}', 'UD Batik {a} {b}'],
  },
];

export const NAME_WORDS: readonly string[] = [
  'Sinar',
  'Cahaya',
  'Mitra',
  'Karya',
  'Maju',
  'Sumber',
  'Bumi',
  'Putra',
  'Anugerah',
  'Berkah',
  'Jaya',
  'Prima',
  'Mandiri',
  'Sejahtera',
  'Abadi',
  'Lestari',
  'Sentosa',
  'Makmur',
  'Nusantara',
  'Harapan',
  'Barokah',
  'Rejeki',
  'Sido Mulyo',
  'Tunas',
  'Mulia',
  'Indah',
  'Surya',
  'Kencana',
  'Melati',
  'Dewi Sri',
];

/** Skill phrases as people write them; the vocabulary's aliases are expected to resolve these. */
export const GENERAL_SKILLS: readonly string[] = [
  'SIM C',
  'SIM A',
  'Microsoft Word',
  'Microsoft Excel',
  'bahasa Inggris',
  'kerja tim',
  'media sosial',
  'jualan online',
];

/** Misspelt or out-of-vocabulary phrases, written on purpose so unknown-skill flags show up. */
export const UNKNOWN_SKILLS: readonly string[] = [
  'menjait',
  'Ms Exel',
  'mengelass',
  'bhs inggris',
  'main gitar',
  'ternak kambing',
];

export interface CourseTemplate {
  title: string;
  targets: readonly string[];
  skills: readonly string[];
  education: EducationLevel;
  durationDays: readonly [number, number];
  /** Word used in the name of an LPK that specialises in the course. */
  providerWord: string;
}

export const COURSES: readonly CourseTemplate[] = [
  {
    title: 'Menjahit Pakaian Dasar',
    targets: ['7531', '8153'],
    skills: ['menjahit', 'membuat pola pakaian'],
    education: 'SD',
    durationDays: [20, 45],
    providerWord: 'Busana',
  },
  {
    title: 'Operator Mesin Jahit Industri',
    targets: ['8153'],
    skills: ['menjahit', 'mesin jahit industri', 'obras'],
    education: 'SMP',
    durationDays: [15, 30],
    providerWord: 'Busana',
  },
  {
    title: 'Pengelasan SMAW',
    targets: ['7212'],
    skills: ['mengelas', 'las listrik', 'K3'],
    education: 'SMP',
    durationDays: [30, 60],
    providerWord: 'Teknik',
  },
  {
    title: 'Teknisi Sepeda Motor Injeksi',
    targets: ['7231'],
    skills: ['perawatan sepeda motor', 'kelistrikan otomotif'],
    education: 'SMP',
    durationDays: [30, 60],
    providerWord: 'Otomotif',
  },
  {
    title: 'Instalasi Listrik Rumah Tangga',
    targets: ['7411'],
    skills: ['instalasi listrik', 'K3'],
    education: 'SMP',
    durationDays: [20, 40],
    providerWord: 'Teknik',
  },
  {
    title: 'Barista',
    targets: ['5132', '5131'],
    skills: ['barista', 'latte art', 'pelayanan pelanggan'],
    education: 'SMA',
    durationDays: [10, 20],
    providerWord: 'Kuliner',
  },
  {
    title: 'Tata Boga',
    targets: ['5120', '9412'],
    skills: ['memasak', 'tata boga', 'keamanan pangan'],
    education: 'SMP',
    durationDays: [15, 40],
    providerWord: 'Kuliner',
  },
  {
    title: 'Pembuatan Roti dan Kue',
    targets: ['7512'],
    skills: ['membuat kue', 'keamanan pangan'],
    education: 'SMP',
    durationDays: [10, 20],
    providerWord: 'Kuliner',
  },
  {
    title: 'Operator Forklift (SIO)',
    targets: ['8344'],
    skills: ['forklift', 'SIO forklift', 'K3'],
    education: 'SMA',
    durationDays: [10, 15],
    providerWord: 'Alat Berat',
  },
  {
    title: 'Mengemudi Kendaraan Niaga (SIM B1)',
    targets: ['8322'],
    skills: ['SIM B1', 'mengemudi mobil'],
    education: 'SMP',
    durationDays: [10, 20],
    providerWord: 'Mengemudi',
  },
  {
    title: 'Microsoft Office Perkantoran',
    targets: ['4110', '4321'],
    skills: ['Microsoft Office', 'Microsoft Excel', 'Microsoft Word'],
    education: 'SMA',
    durationDays: [15, 30],
    providerWord: 'Komputer',
  },
  {
    title: 'Akuntansi dan Pembukuan',
    targets: ['4311'],
    skills: ['akuntansi', 'pembukuan', 'aplikasi akuntansi'],
    education: 'SMA',
    durationDays: [20, 40],
    providerWord: 'Komputer',
  },
  {
    title: 'Desain Grafis',
    targets: ['2166'],
    skills: ['desain grafis', 'CorelDRAW', 'Photoshop', 'Canva'],
    education: 'SMA',
    durationDays: [20, 45],
    providerWord: 'Komputer',
  },
  {
    title: 'Teknisi Komputer dan Jaringan',
    targets: ['3512'],
    skills: ['servis komputer', 'jaringan komputer'],
    education: 'SMA',
    durationDays: [30, 60],
    providerWord: 'Komputer',
  },
  {
    title: 'Bahasa Inggris Layanan Pelanggan',
    targets: ['4222', '5131'],
    skills: ['bahasa Inggris', 'pelayanan pelanggan', 'kerja tim'],
    education: 'SMA',
    durationDays: [20, 45],
    providerWord: 'Bahasa',
  },
  {
    title: 'Tata Rias Pengantin',
    targets: ['5142'],
    skills: ['tata rias'],
    education: 'SMP',
    durationDays: [20, 40],
    providerWord: 'Kecantikan',
  },
  {
    title: 'Pangkas Rambut',
    targets: ['5141'],
    skills: ['potong rambut'],
    education: 'SMP',
    durationDays: [15, 30],
    providerWord: 'Kecantikan',
  },
  {
    title: 'Caregiver dan Perawatan Lansia',
    targets: ['5321'],
    skills: ['perawatan lansia', 'pertolongan pertama', 'bahasa Jepang'],
    education: 'SMA',
    durationDays: [45, 90],
    providerWord: 'Caregiver',
  },
  {
    title: 'Budidaya Ikan Lele dan Nila',
    targets: ['6221'],
    skills: ['budidaya ikan air tawar', 'budidaya lele'],
    education: 'SD',
    durationDays: [10, 20],
    providerWord: 'Agro',
  },
  {
    title: 'Pertanian Hidroponik',
    targets: ['6111'],
    skills: ['hidroponik', 'budidaya padi'],
    education: 'SD',
    durationDays: [10, 20],
    providerWord: 'Agro',
  },
  {
    title: 'Pertukangan Kayu dan Mebel',
    targets: ['7115', '7522'],
    skills: ['pertukangan kayu', 'membuat mebel', 'ukir kayu'],
    education: 'SD',
    durationDays: [30, 60],
    providerWord: 'Teknik',
  },
  {
    title: 'Kasir dan Pramuniaga Ritel',
    targets: ['5230', '5223'],
    skills: ['kasir', 'pelayanan pelanggan', 'sales'],
    education: 'SMA',
    durationDays: [10, 20],
    providerWord: 'Bisnis',
  },
  {
    title: 'Perbaikan HP dan Elektronika',
    targets: ['7421'],
    skills: ['servis HP', 'servis elektronik'],
    education: 'SMP',
    durationDays: [20, 40],
    providerWord: 'Elektronika',
  },
  {
    title: 'Servis AC',
    targets: ['7127'],
    skills: ['servis AC', 'instalasi listrik'],
    education: 'SMP',
    durationDays: [15, 30],
    providerWord: 'Teknik',
  },
  {
    title: 'Pemasaran Digital dan Jualan Online',
    targets: ['5244', '5223'],
    skills: ['media sosial', 'jualan online', 'sales'],
    education: 'SMA',
    durationDays: [10, 20],
    providerWord: 'Bisnis',
  },
  {
    title: 'Batik Tulis',
    targets: ['7318'],
    skills: ['membatik', 'batik cap'],
    education: 'SD',
    durationDays: [20, 40],
    providerWord: 'Batik',
  },
  {
    title: 'Pengolahan Pangan Industri',
    targets: ['8160'],
    skills: ['keamanan pangan', 'pengolahan makanan', 'quality control'],
    education: 'SMA',
    durationDays: [10, 20],
    providerWord: 'Kuliner',
  },
  {
    title: 'Satpam Gada Pratama',
    targets: ['5414'],
    skills: ['Gada Pratama', 'pertolongan pertama'],
    education: 'SMA',
    durationDays: [25, 35],
    providerWord: 'Satpam',
  },
];

/** Names of pesantren that host a community BLK (BLK Komunitas); invented. */
export const PESANTREN_NAMES: readonly string[] = [
  'Al Hikmah',
  'Darul Ulum',
  'Nurul Huda',
  'Miftahul Jannah',
  'Roudlotul Tholibin',
  'Al Falah',
  'Sabilul Muttaqin',
  'Baitul Quran',
];
