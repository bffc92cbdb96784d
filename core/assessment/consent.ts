/**
 * Consent before assessment (UU PDP 27/2022 art. 20-22: consent of the data subject; art. 25: a
 * parent or guardian consents for a child, here anyone under 18). The text is versioned: a consent
 * record names the version the youth read, and a changed text is a new version, never an edit.
 */
import { ageOn, type IsoDate } from '../domain/calendar.ts';
import { ValidationError } from '../domain/errors.ts';

export const ADULT_AGE = 18;

export interface ConsentText {
  version: string;
  id: { title: string; points: readonly string[]; youth: string; guardian: string };
  en: { title: string; points: readonly string[]; youth: string; guardian: string };
}

export const CONSENT_TEXT: ConsentText = {
  version: 'consent-asesmen-v1',
  id: {
    title: 'Persetujuan sebelum mulai',
    points: [
      'Tujuan: jawabanmu dipakai untuk mengenali minat dan bakatmu, lalu mencarikan lowongan kerja dan pelatihan yang cocok di program SINERGI.',
      'Yang disimpan: jawabanmu, hasil penilaian, tanggal lahir, pendidikan, kabupaten/kota, dan persetujuan ini. Kami tidak menyimpan nama atau nomor teleponmu di sini.',
      'Yang bisa melihat: konselor SINERGI di kabupaten/kotamu. Pemberi kerja hanya melihat kode samaran, bukan namamu.',
      'Hakmu: kamu boleh meminta melihat semua datamu, meminta datamu dihapus, dan meminta seorang konselor memeriksa ulang rekomendasi yang kamu terima.',
      'Kamu boleh berhenti kapan saja. Jawaban baru dikirim setelah kamu selesai.',
    ],
    youth: 'Saya sudah membaca dan setuju jawaban saya dipakai seperti di atas.',
    guardian: 'Saya orang tua/wali dan setuju data anak saya dipakai seperti di atas.',
  },
  en: {
    title: 'Consent before you start',
    points: [
      'Purpose: your answers are used to understand your interests and aptitudes, then to find suitable job vacancies and trainings in the SINERGI programme.',
      'What is kept: your answers, your results, date of birth, education, district and this consent. Your name and phone number are not kept here.',
      'Who sees it: SINERGI counsellors of your district. Employers only see a pseudonym, never your name.',
      'Your rights: you may ask to see all your data, to have it erased, and for a counsellor to review the recommendations you receive.',
      'You may stop at any time. Your answers are only sent when you finish.',
    ],
    youth: 'I have read this and agree that my answers are used as described.',
    guardian: 'I am the parent or guardian and agree that my child’s data is used as described.',
  },
};

export const GUARDIAN_RELATIONSHIPS = ['parent', 'guardian'] as const;
export type GuardianRelationship = (typeof GUARDIAN_RELATIONSHIPS)[number];

/** What the device sends when the youth (and, under 18, a guardian) agrees. */
export interface ConsentGiven {
  textVersion: string;
  /** ISO date-time on the device when the youth agreed (it may have been offline). */
  givenAt: string;
  youthAgrees: boolean;
  guardian?: { name: string; relationship: GuardianRelationship; agrees: boolean };
}

/** The stored consent: what was agreed, when, by whom; bound to one invitation. */
export interface ConsentRecord extends ConsentGiven {
  youthId: string;
  invitationId: string;
  /** When the server received it. */
  recordedAt: string;
  /** Whether the youth was under 18 on the day of consent, so a guardian had to agree. */
  minor: boolean;
}

export function isMinor(birthDate: IsoDate, on: IsoDate): boolean {
  return ageOn(birthDate, on) < ADULT_AGE;
}

/**
 * Checks consent against the rules and returns the record to store. Messages are Indonesian:
 * the youth reads them on the device.
 */
export function consentRecord(
  given: ConsentGiven,
  context: { youthId: string; invitationId: string; birthDate: IsoDate; recordedAt: string },
): ConsentRecord {
  const issues: { field: string; reason: string }[] = [];
  if (given.textVersion !== CONSENT_TEXT.version) {
    issues.push({
      field: 'consent.textVersion',
      reason: 'Teks persetujuan sudah diperbarui. Muat ulang aplikasi dan baca teks yang baru.',
    });
  }
  if (!given.youthAgrees) {
    issues.push({ field: 'consent.youthAgrees', reason: 'Tanpa persetujuanmu, jawaban tidak bisa dikirim.' });
  }
  const minor = isMinor(context.birthDate, context.recordedAt.slice(0, 10));
  if (minor && !(given.guardian?.agrees && given.guardian.name.trim() !== '')) {
    issues.push({
      field: 'consent.guardian',
      reason:
        'Kamu belum berusia 18 tahun: orang tua atau wali perlu ikut menyetujui (nama dan persetujuannya) sebelum jawaban dikirim.',
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return {
    ...given,
    ...(given.guardian && { guardian: { ...given.guardian, name: given.guardian.name.trim() } }),
    youthId: context.youthId,
    invitationId: context.invitationId,
    recordedAt: context.recordedAt,
    minor,
  };
}
