/**
 * Vacancies that ask applicants for money, recognised from Indonesian wording in the title and the
 * description: registration or administration fees, deposits, uniforms or training the applicant
 * pays for. Charging job seekers is a known route into debt bondage and trafficking; the programme
 * holds such vacancies for review. Detection is clause by clause, so "tanpa biaya pendaftaran" or
 * "seragam disediakan perusahaan" is not read as a fee. It is a screening aid for a person, who
 * releases a wrongly held vacancy with a reason (docs/protection.md lists what it recognises).
 */

/** Words that ask for money when they stand in a clause without a negation. */
const FEE_PATTERNS: readonly RegExp[] = [
  /\bbiaya\s+(pendaftaran|registrasi|administrasi|admin|seragam|pelatihan|training|diklat|proses|pemrosesan|medical|mcu|tes|test|seleksi|penempatan|jaminan|kursus|magang|materai|pembuatan|pengurusan)\b/,
  /\buang\s+(pendaftaran|registrasi|jaminan|administrasi|admin|seragam|pangkal|muka|deposit|pelatihan|training|tebusan|komitmen)\b/,
  /\b(deposit|deposito)\b/,
  /\b(wajib|harus|diwajibkan|diharuskan|perlu)\s+(membayar|bayar|menyetor|setor|mentransfer|transfer|membeli|beli)\b/,
  /\b(membayar|bayar|menyetor|setor|mentransfer|transfer)\s+(biaya|uang|dana|sejumlah|rp)/,
  /\b(dikenakan|dipungut|dibebankan)\s+(biaya|uang)\b/,
  /\bpelamar\s+(menanggung|membayar|menyiapkan|menyediakan)\s+(biaya|uang|dana)\b/,
  /\bbiaya\b[^.;!?\n]*\bditanggung\s+(pelamar|peserta|calon\s+(karyawan|pekerja)|sendiri|pribadi)\b/,
  /\b(membeli|beli)\s+seragam\s+sendiri\b/,
];

/** A clause holding one of these does not ask for money: it says there is no fee or the employer pays. */
const NEGATIONS: readonly RegExp[] = [
  /\b(tanpa|tidak|tdk|bukan|tak|gak|nggak|bebas|gratis|free|tiada)\b/,
  /\bditanggung\s+(oleh\s+)?(perusahaan|kantor|pt|pemberi\s+kerja|employer)\b/,
  /\bdisediakan\s+(oleh\s+)?(perusahaan|kantor|pt)\b/,
  /\bdari\s+perusahaan\b/,
];

export interface FeeWording {
  /** The words that asked for money, as found (lower case). */
  phrase: string;
  field: 'title' | 'description';
}

function clauses(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[.,;!?\n\r()]+/)
    .filter((c) => c.trim() !== '');
}

/** Fee wording in one text: the phrases found in clauses that do not negate them. */
export function feePhrases(text: string): string[] {
  const found: string[] = [];
  for (const clause of clauses(text)) {
    if (NEGATIONS.some((n) => n.test(clause))) continue;
    for (const pattern of FEE_PATTERNS) {
      const match = pattern.exec(clause);
      if (match) {
        found.push(match[0].replace(/\s+/g, ' ').trim());
        break;
      }
    }
  }
  return found;
}

/** Fee wording in a vacancy's title and description. */
export function detectFeeWording(vacancy: { title: string; description?: string }): FeeWording[] {
  const inTitle = feePhrases(vacancy.title).map((phrase) => ({ phrase, field: 'title' as const }));
  const inDescription = vacancy.description
    ? feePhrases(vacancy.description).map((phrase) => ({ phrase, field: 'description' as const }))
    : [];
  return [...inTitle, ...inDescription];
}
