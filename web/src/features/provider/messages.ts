/** The training provider area's strings. Indonesian first; English has the same keys. */
const id = {
  title: 'Ruang kerja lembaga pelatihan',
  intro:
    'Unggah program pelatihan Anda, lihat hasil pemrosesan, dan lihat berapa pemuda yang membutuhkannya.',
  trainings: 'Pelatihan saya dan permintaannya',
  noTrainings: 'Belum ada pelatihan tersimpan.',
  training: 'Pelatihan',
  district: 'Kab/kota',
  seats: 'Kursi',
  starts: 'Mulai',
  demand: 'Permintaan',
  demandHelp: 'Pemuda yang mendapat pelatihan ini di antara rekomendasi pelatihannya saat ini.',
  youthCount: '{{n}} pemuda',
  perSeat: '{{n}} per kursi',
};

const en: typeof id = {
  title: 'Training provider workspace',
  intro: 'Upload your training offers, see how they were processed, and how many youth need them.',
  trainings: 'My training offers and their demand',
  noTrainings: 'No training offers stored yet.',
  training: 'Training',
  district: 'District',
  seats: 'Seats',
  starts: 'Starts',
  demand: 'Demand',
  demandHelp: 'Youth who have this training among their recommended trainings now.',
  youthCount: '{{n}} youth',
  perSeat: '{{n}} per seat',
};

export const NS = 'provider';
export const messages = { id, en };
