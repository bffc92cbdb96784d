/** Shared Indonesian strings: layout, sign-in, errors, paging. Features keep their own. */
export const common = {
  appName: 'SINERGI',
  tagline: 'Pencocokan kerja dan pelatihan',
  skipToContent: 'Lewati ke konten utama',
  language: 'Bahasa',
  languages: { id: 'Bahasa Indonesia', en: 'English' },
  signOut: 'Keluar',
  signedInAs: 'Masuk sebagai {{role}}',
  roles: {
    counsellor: 'konselor',
    employer: 'pemberi kerja',
    provider: 'lembaga pelatihan',
    manager: 'manajer program',
    admin: 'admin data',
  },
  nav: { main: 'Navigasi utama' },
  loading: 'Memuat…',
  retry: 'Coba lagi',
  back: 'Kembali',
  next: 'Berikutnya',
  previous: 'Sebelumnya',
  errors: {
    notFound: 'Tidak ditemukan.',
    forbidden: 'Anda tidak memiliki akses ke halaman ini.',
    unauthorized: 'Sesi Anda telah berakhir. Silakan masuk lagi.',
    network: 'Tidak dapat terhubung ke server. Periksa koneksi lalu coba lagi.',
    server: 'Terjadi kesalahan di server ({{status}}).',
    invalid: 'Isian belum benar:',
    pageNotFound: 'Halaman tidak ditemukan.',
  },
  signin: {
    title: 'Masuk',
    intro: 'Masuk dengan akun SINERGI Anda.',
    button: 'Masuk',
    devTitle: 'Masuk (pengembangan lokal)',
    devIntro:
      'Hanya untuk stack lokal: pilih peran dan wilayah. Layar ini tidak ada di sistem yang berjalan di AWS.',
    role: 'Peran',
    districts: 'Kode kabupaten/kota (BPS, 4 angka, pisahkan dengan koma)',
    employerId: 'ID pemberi kerja',
    providerId: 'ID lembaga pelatihan',
    callback: 'Menyelesaikan proses masuk…',
    failed: 'Gagal masuk: {{reason}}',
  },
  home: { title: 'Beranda', noWorkspace: 'Belum ada ruang kerja untuk peran ini.' },
} as const;

/** The shape every language's shared strings must have. */
export type CommonMessages = DeepString<typeof common>;
type DeepString<T> = { [K in keyof T]: T[K] extends string ? string : DeepString<T[K]> };
