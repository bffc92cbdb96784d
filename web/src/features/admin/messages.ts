/** The data office's strings. */
const id = {
  title: 'Permintaan subjek data',
  intro: 'Ekspor atau penghapusan semua data seorang pemuda (UU PDP 27/2022). Masukkan ID pemuda.',
  youthId: 'ID pemuda',
  open: 'Buka',
  youthTitle: 'Data pemuda {{id}}',
  exportHeading: 'Ekspor data',
  exportIntro: 'Unduh semua yang tersimpan tentang pemuda ini sebagai berkas JSON.',
  exportButton: 'Unduh ekspor',
  exported: 'Ekspor diunduh: {{outcomes}} tindak lanjut, {{entries}} entri kandidat.',
  eraseHeading: 'Hapus data',
  eraseIntro:
    'Menghapus profil, rekomendasi, entri kandidat dan riwayat tindak lanjut. Tindakan ini tidak dapat dibatalkan.',
  eraseConfirm: 'Ketik {{id}} untuk mengonfirmasi',
  eraseButton: 'Hapus semua data',
  erased:
    'Dihapus: {{profiles}} profil, {{sets}} set rekomendasi, {{entries}} entri kandidat, {{outcomes}} tindak lanjut.',
};

const en: typeof id = {
  title: 'Data-subject requests',
  intro: "Export or erase everything stored about one youth (UU PDP 27/2022). Enter the youth's id.",
  youthId: 'Youth id',
  open: 'Open',
  youthTitle: 'Data of youth {{id}}',
  exportHeading: 'Export',
  exportIntro: 'Download everything stored about this youth as a JSON file.',
  exportButton: 'Download export',
  exported: 'Export downloaded: {{outcomes}} follow-ups, {{entries}} candidate entries.',
  eraseHeading: 'Erase',
  eraseIntro:
    'Deletes profile, recommendations, candidate entries and follow-up history. This cannot be undone.',
  eraseConfirm: 'Type {{id}} to confirm',
  eraseButton: 'Erase all data',
  erased:
    'Erased: {{profiles}} profiles, {{sets}} recommendation sets, {{entries}} candidate entries, {{outcomes}} follow-ups.',
};

export const messages = { id, en };
export const NS = 'admin';
