/**
 * Indonesian wording of the reasons a processing report gives for a rejected row or a warning.
 * Parsers write their reasons in English (logs, the CLI and the stored report keep them so); the
 * people who read reports in the programme read Indonesian, so the API and the web translate a
 * reason when it is shown. Each entry matches one English reason shape and rewrites it, keeping
 * the values it quotes; a compound reason ("a; b") is translated part by part. A reason no entry
 * knows is shown as it came (`translated: false`), never dropped.
 */
import type { Issue } from '../domain/errors.ts';
import type { Language } from '../domain/language.ts';

type Rewrite = (...groups: string[]) => string;

/** English reason shape -> Indonesian; the first entry whose pattern matches the whole reason wins. */
const CATALOGUE: ReadonlyArray<readonly [RegExp, Rewrite]> = [
  [/^is required; the column is missing$/, () => 'wajib diisi; kolomnya tidak ada'],
  [/^is required; the cell is empty$/, () => 'wajib diisi; selnya kosong'],
  [
    /^is required: the interest answers \(columns R01\.\.C10\)$/,
    () => 'wajib diisi: jawaban minat (kolom R01..C10)',
  ],
  [/^is required$/, () => 'wajib diisi'],
  [/^must be text, got (.+)$/, (got) => `harus berupa teks, isinya ${got}`],
  [/^must be at most (\d+) characters$/, (n) => `paling banyak ${n} karakter`],
  [/^must not contain control characters$/, () => 'tidak boleh berisi karakter kontrol'],
  [/^must be a phone number written as text$/, () => 'harus nomor telepon yang ditulis sebagai teks'],
  [
    /^must contain only digits, spaces, "\.", "-", "\(", "\)" and a leading "\+"$/,
    () => 'hanya boleh berisi angka, spasi, ".", "-", "(", ")" dan "+" di depan',
  ],
  [
    /^must be an Indonesian number: \+62\.\.\., 62\.\.\. or 0\.\.\.$/,
    () => 'harus nomor Indonesia: +62..., 62... atau 0...',
  ],
  [
    /^must have 9 to 13 digits after the leading 0 \(e\.g\. 0812 3456 7890\)$/,
    () => 'harus 9 sampai 13 angka setelah 0 di depan (misalnya 0812 3456 7890)',
  ],
  [
    /^must be yes or no \(ya\/tidak, true\/false, 1\/0\), got (.+)$/,
    (got) => `harus ya atau tidak (ya/tidak, true/false, 1/0), isinya ${got}`,
  ],
  [
    /^must be a whole number from (\S+) to (\S+)( written without thousands separators)?(?:, got (.+))?$/,
    (min, max, grouped, got) =>
      `harus bilangan bulat dari ${min} sampai ${max}${grouped ? ' tanpa pemisah ribuan' : ''}${got ? `, isinya ${got}` : ''}`,
  ],
  [
    /^must be a number from (\S+) to (\S+), got (.+)$/,
    (min, max, got) => `harus angka dari ${min} sampai ${max}, isinya ${got}`,
  ],
  [
    /^must be an amount in rupiah such as 2500000, "2\.500\.000" or "Rp 2\.500\.000", got (.+)$/,
    (got) => `harus jumlah rupiah seperti 2500000, "2.500.000" atau "Rp 2.500.000", isinya ${got}`,
  ],
  [
    /^must be an amount in rupiah such as 2500000, "2\.500\.000", "Rp 2\.500\.000" or "2,5 juta", got (.+)$/,
    (got) =>
      `harus jumlah rupiah seperti 2500000, "2.500.000", "Rp 2.500.000" atau "2,5 juta", isinya ${got}`,
  ],
  [
    /^is too small for a monthly wage: write the full amount such as 2\.500\.000, not 2\.500, got (.+)$/,
    (got) =>
      `terlalu kecil untuk upah bulanan: tulis jumlah penuh seperti 2.500.000, bukan 2.500, isinya ${got}`,
  ],
  [/^is too large for a monthly wage, got (.+)$/, (got) => `terlalu besar untuk upah bulanan, isinya ${got}`],
  [
    /^must be a date written YYYY-MM-DD or DD\/MM\/YYYY; got a number: format the column as a date or as text(?:, got (.+))?$/,
    (got) =>
      `harus tanggal dengan format YYYY-MM-DD atau DD/MM/YYYY; isinya angka: format kolom sebagai tanggal atau teks${got ? `, isinya ${got}` : ''}`,
  ],
  [
    /^must be a date written YYYY-MM-DD or DD\/MM\/YYYY(?:, got (.+))?$/,
    (got) => `harus tanggal dengan format YYYY-MM-DD atau DD/MM/YYYY${got ? `, isinya ${got}` : ''}`,
  ],
  [
    /^must be a date or an ISO 8601 date-time such as (\S+), got (.+)$/,
    (example, got) => `harus tanggal atau tanggal-waktu ISO 8601 seperti ${example}, isinya ${got}`,
  ],
  [/^must be one of (.+), got (.+)$/, (values, got) => `harus salah satu dari ${values}, isinya ${got}`],
  [
    /^must be an ISCO-08\/KBJI unit group of exactly 4 digits( \(format the column as text to keep a leading zero\))?, got (.+)$/,
    (hint, got) =>
      `harus kode golongan KBJI/ISCO-08 tepat 4 angka${hint ? ' (format kolom sebagai teks agar angka 0 di depan tidak hilang)' : ''}, isinya ${got}`,
  ],
  [
    /^must be a 4-digit BPS code of a Central Java regency or city \(33xx\), got (.+)$/,
    (got) => `harus kode BPS 4 angka kabupaten/kota di Jawa Tengah (33xx), isinya ${got}`,
  ],
  [
    /^(\d{4}) is not a known BPS regency\/city code of Central Java$/,
    (code) => `${code} bukan kode BPS kabupaten/kota Jawa Tengah yang dikenal`,
  ],
  [
    /^must be a Holland code such as "SEC" or six numbers 1\.\.7 in RIASEC order, got (\d+)$/,
    (n) => `harus kode Holland seperti "SEC" atau enam angka 1..7 dalam urutan RIASEC, isinya ${n} angka`,
  ],
  [
    /^number (\d) of the RIASEC profile must be from 1 to 7, got (.+)$/,
    (i, got) => `angka ke-${i} profil RIASEC harus dari 1 sampai 7, isinya ${got}`,
  ],
  [
    /^must be a Holland code or six numbers 1\.\.7, got (.+)$/,
    (got) => `harus kode Holland atau enam angka 1..7, isinya ${got}`,
  ],
  [/^must be a 16-digit NIK written as text$/, () => 'harus NIK 16 angka yang ditulis sebagai teks'],
  [
    /^(arrived as a number|is in scientific notation): Excel keeps only 15 significant digits.*$/s,
    (how) =>
      `${how === 'arrived as a number' ? 'terbaca sebagai angka' : 'tertulis dalam notasi ilmiah'}: Excel hanya menyimpan 15 angka penting, sehingga NIK 16 angka yang diketik sebagai angka kehilangan angka terakhirnya; format kolom NIK sebagai teks dan ketik ulang NIK`,
  ],
  [
    /^must be exactly 16 digits; this value has (\d+) characters$/,
    (n) => `harus tepat 16 angka; isian ini ${n} karakter`,
  ],
  [/^must be exactly 16 digits$/, () => 'harus tepat 16 angka'],
  [
    /^needs wage_monthly_idr, the lower end of the range, not above it$/,
    () => 'perlu wage_monthly_idr, batas bawah rentang, yang tidak lebih besar darinya',
  ],
  [
    /^is above 0 while applicant_pays says the applicant pays nothing$/,
    () => 'lebih dari 0 padahal applicant_pays menyatakan pelamar tidak membayar apa pun',
  ],
  [/^max_age must not be below min_age$/, () => 'usia maksimal tidak boleh di bawah usia minimal'],
  [/^is after the assessment date$/, () => 'setelah tanggal asesmen'],
  [/^must be at least 1$/, () => 'paling sedikit 1'],
  [/^(\d+) correct is more than the (\d+) items$/, (c, t) => `${c} jawaban benar melebihi ${t} soal`],
  [
    /^unknown column for (\w+); its values are not read \(see docs\/formats\.md for the columns and aliases\)$/,
    () => 'kolom tidak dikenal; isinya tidak dibaca (lihat templat untuk nama kolom)',
  ],
  [
    /^columns "(.+)" and "(.+)" both mean (\w+); remove or rename one, the file cannot be read until then$/s,
    (a, b, field) =>
      `kolom "${a}" dan "${b}" sama-sama berarti ${field}; hapus atau ganti nama salah satunya, berkas tidak dapat dibaca sebelum itu`,
  ],
  [
    /^given both as (\w+) and as separate columns; use one of the two$/,
    (field) => `diisi sebagai ${field} dan sebagai kolom terpisah; pakai salah satu saja`,
  ],
  [
    /^duplicate (\w+) (.+), first at row (\d+)$/,
    (field, id, row) => `${field} ${id} ganda, pertama kali di baris ${row}`,
  ],
  [
    /^this upload belongs to employer (.+); a row for another employer is refused$/s,
    (id) => `unggahan ini milik pemberi kerja ${id}; baris untuk pemberi kerja lain ditolak`,
  ],
  [
    /^this upload belongs to provider (.+); a row for another provider is refused$/s,
    (id) => `unggahan ini milik lembaga pelatihan ${id}; baris untuk lembaga lain ditolak`,
  ],
  [
    /^(vacancy_id|training_id) (.+) belongs to another (employer|provider); choose a new id$/s,
    (field, id, owner) =>
      `${field} ${id} milik ${owner === 'employer' ? 'pemberi kerja' : 'lembaga pelatihan'} lain; pilih ID baru`,
  ],
  [
    /^unknown skill "(.+)": not in the skills vocabulary; kept and flagged, but it cannot be matched$/,
    (skill) =>
      `keterampilan "${skill}" tidak ada dalam kosakata keterampilan; tetap disimpan dan ditandai, tetapi tidak dapat dicocokkan`,
  ],
  [
    /^"(.+)" is recorded and flagged for programme review; it never excludes anyone$/,
    (requirement) =>
      `"${requirement}" dicatat dan ditandai untuk ditinjau program; syarat ini tidak pernah mengecualikan siapa pun`,
  ],
  [
    /^has values but no header; its values are not read$/,
    () => 'berisi nilai tetapi tanpa judul kolom; isinya tidak dibaca',
  ],
  [/^the file is empty$/, () => 'berkas kosong'],
  [/^the file has a header row but no data rows$/, () => 'berkas hanya berisi baris judul, tanpa baris data'],
  [/^the first worksheet is empty$/, () => 'lembar kerja pertama kosong'],
  [
    /^the first worksheet has a header row but no data rows$/,
    () => 'lembar kerja pertama hanya berisi baris judul, tanpa baris data',
  ],
  [
    /^row 1 of the first worksheet must hold the column headers$/,
    () => 'baris 1 lembar kerja pertama harus berisi judul kolom',
  ],
  [
    /^has (\d+) cells but the header has (\d+) columns; a value probably contains the delimiter "(.)" without quotes$/,
    (cells, columns, d) =>
      `berisi ${cells} sel padahal judul berisi ${columns} kolom; kemungkinan ada isian yang memuat pemisah "${d}" tanpa tanda kutip`,
  ],
];

export interface TranslatedReason {
  text: string;
  /** False when some part had no catalogue entry and is shown in English. */
  translated: boolean;
}

/**
 * A quoted value (JSON string, as `shown` writes it) or plain text without "; ": so a value never
 * swallows the next part of a compound reason.
 */
const VALUE = String.raw`("(?:[^"\\]|\\.)*"|(?:(?!; ).)+)`;
const PATTERNS = CATALOGUE.map(
  ([pattern, rewrite]) =>
    [new RegExp(pattern.source.replaceAll('(.+)', VALUE), pattern.flags), rewrite] as const,
);

function translateWhole(reason: string): string | undefined {
  for (const [pattern, rewrite] of PATTERNS) {
    const match = pattern.exec(reason);
    if (match) return rewrite(...match.slice(1).map((group) => group ?? ''));
  }
  return undefined;
}

/** The reason in `lang`; English reasons are returned as they are. */
export function translateReason(reason: string, lang: Language): TranslatedReason {
  if (lang === 'en') return { text: reason, translated: true };
  const whole = translateWhole(reason);
  if (whole !== undefined) return { text: whole, translated: true };
  // Lists report each bad item, joined by "; ": translate the parts one by one.
  const parts = reason.split('; ');
  if (parts.length === 1) return { text: reason, translated: false };
  const translated = parts.map((part) => translateWhole(part));
  return {
    text: parts.map((part, i) => translated[i] ?? part).join('; '),
    translated: translated.every((t) => t !== undefined),
  };
}

/** The issue with its reason in `lang`; file, row, record and field stay as they are. */
export function translateIssue<I extends Issue>(issue: I, lang: Language): I {
  return { ...issue, reason: translateReason(issue.reason, lang).text };
}
