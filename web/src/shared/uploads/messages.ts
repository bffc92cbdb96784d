/** Strings of the upload workspace shared by employers and training providers. */
const id = {
  templateTitle: 'Templat berkas',
  templateIntro:
    'Unduh templat Excel: judul kolom berbahasa Indonesia, daftar pilihan untuk kabupaten/kota, pendidikan dan ya/tidak, serta satu baris contoh. Kolom bercetak tebal wajib diisi.',
  templateButton: 'Unduh templat (.xlsx)',
  uploadTitle: 'Unggah berkas',
  dropHere: 'Tarik berkas ke sini, atau pilih berkas',
  chooseFile: 'Pilih berkas (.xlsx, .csv, .json, .jsonl)',
  formats: 'Format: .xlsx, .csv, .json, .jsonl',
  uploading: 'Mengunggah {{file}}…',
  processing: 'Berkas diterima, sedang diproses…',
  uploadFailed: 'Unggahan gagal: {{reason}}',
  reportTitle: 'Hasil pemrosesan {{file}}',
  counts: '{{rows}} baris: {{accepted}} diterima, {{rejected}} ditolak, {{warnings}} peringatan',
  allAccepted: 'Semua baris diterima.',
  rejectedCaption: 'Baris yang ditolak dan alasannya',
  warningsCaption: 'Peringatan',
  row: 'Baris',
  record: 'ID',
  field: 'Kolom',
  reason: 'Alasan',
  wholeFile: 'berkas',
  truncated: '{{n}} baris lain tidak ditampilkan; laporan lengkap tersimpan di sistem.',
  fileRejected: 'Berkas tidak dapat dibaca.',
  myUploads: 'Unggahan saya',
  noUploads: 'Belum ada unggahan.',
  file: 'Berkas',
  uploadedAt: 'Waktu',
  status: 'Status',
  result: 'Hasil',
  open: 'Lihat hasil',
  statuses: { pending: 'menunggu', processed: 'diproses', rejected_file: 'berkas ditolak' },
  resultShort: '{{accepted}} diterima, {{rejected}} ditolak',
};

export type UploadMessages = {
  [K in keyof typeof id]: (typeof id)[K] extends string ? string : Record<string, string>;
};

const en: UploadMessages = {
  templateTitle: 'File template',
  templateIntro:
    'Download the Excel template: Indonesian column headers, drop-down lists for districts, education and yes/no, and one example row. Bold columns are required.',
  templateButton: 'Download template (.xlsx)',
  uploadTitle: 'Upload a file',
  dropHere: 'Drag a file here, or choose a file',
  chooseFile: 'Choose a file (.xlsx, .csv, .json, .jsonl)',
  formats: 'Formats: .xlsx, .csv, .json, .jsonl',
  uploading: 'Uploading {{file}}…',
  processing: 'File received, processing…',
  uploadFailed: 'Upload failed: {{reason}}',
  reportTitle: 'Processing result of {{file}}',
  counts: '{{rows}} rows: {{accepted}} accepted, {{rejected}} rejected, {{warnings}} warnings',
  allAccepted: 'Every row was accepted.',
  rejectedCaption: 'Rejected rows and why',
  warningsCaption: 'Warnings',
  row: 'Row',
  record: 'ID',
  field: 'Column',
  reason: 'Reason',
  wholeFile: 'file',
  truncated: '{{n}} more rows are not shown; the full report is stored.',
  fileRejected: 'The file could not be read.',
  myUploads: 'My uploads',
  noUploads: 'No uploads yet.',
  file: 'File',
  uploadedAt: 'Time',
  status: 'Status',
  result: 'Result',
  open: 'Show result',
  statuses: { pending: 'pending', processed: 'processed', rejected_file: 'file rejected' },
  resultShort: '{{accepted}} accepted, {{rejected}} rejected',
};

export const NS = 'uploads';
export const messages = { id, en };
