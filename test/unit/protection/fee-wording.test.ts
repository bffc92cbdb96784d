/**
 * Indonesian phrasings that ask applicants for money, and look-alikes that do not. A person reviews
 * every hold, so a missed fee matters more than a false alarm; both tables are kept honest here.
 */
import { describe, expect, it } from 'vitest';
import { detectFeeWording, feePhrases } from '#core/protection/fee-wording';

const ASKS_FOR_MONEY: readonly string[] = [
  'Biaya pendaftaran Rp 150.000, dibayar saat interview',
  'Pelamar dikenakan biaya administrasi Rp 50.000',
  'Wajib membayar uang jaminan sebelum mulai bekerja',
  'Ada uang seragam Rp 200.000 yang dibayar pelamar',
  'Deposit Rp 500.000 dikembalikan setelah kontrak selesai',
  'Biaya pelatihan ditanggung peserta',
  'Calon karyawan harus transfer Rp 300.000 untuk medical check up',
  'Harus membeli seragam sendiri di koperasi perusahaan',
  'Biaya training Rp 1.000.000 dipotong dari gaji pertama',
  'Pelamar menanggung biaya tes kesehatan',
  'BIAYA PROSES LAMARAN RP 100RB',
  'Dipungut biaya penempatan kerja',
  'Setor uang pendaftaran ke rekening HRD',
  'Gaji UMK. Biaya seragam Rp 75.000',
];

const ASKS_FOR_NOTHING: readonly string[] = [
  'Tanpa biaya pendaftaran',
  'Tidak dipungut biaya apa pun',
  'Seragam disediakan perusahaan',
  'Biaya pelatihan ditanggung perusahaan',
  'Gratis biaya pendaftaran dan pelatihan',
  'Tidak ada uang jaminan',
  'Mendapat uang makan dan uang transport',
  'BPJS Ketenagakerjaan dan Kesehatan dibayar perusahaan',
  'Operator produksi, shift pagi, gaji sesuai UMK',
  'Bebas biaya administrasi',
  'Biaya pendaftaran: tidak ada',
  'Penjahit, pengalaman 1 tahun, lulusan SMK',
];

describe('fee wording in Indonesian', () => {
  it.each(ASKS_FOR_MONEY)('asks for money: %s', (text) => {
    expect(feePhrases(text).length).toBeGreaterThan(0);
  });

  it.each(ASKS_FOR_NOTHING)('asks for nothing: %s', (text) => {
    expect(feePhrases(text)).toEqual([]);
  });

  it('reads each clause on its own: a free registration does not hide a paid uniform', () => {
    expect(feePhrases('Tanpa biaya pendaftaran. Biaya seragam Rp 100.000')).toEqual(['biaya seragam']);
  });

  it('names the field the wording was found in', () => {
    expect(
      detectFeeWording({ title: 'Operator (uang jaminan)', description: 'Tidak ada biaya pendaftaran' }),
    ).toEqual([{ phrase: 'uang jaminan', field: 'title' }]);
  });
});
