/**
 * Every message a contributor can see when their content is rejected. KIM members are not
 * programmers: each message says what is wrong and what to write instead, in Bahasa Indonesia.
 */
const list = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

export const msg = {
  required: 'wajib diisi.',
  tooLong: (max: number) => `terlalu panjang: paling banyak ${max} karakter.`,
  date: 'tanggal tidak valid: tulis seperti 2026-11-30 (tahun-bulan-tanggal).',
  entryId: 'harus berupa id entri: huruf kecil, angka dan tanda hubung, misalnya "kim-bontang-kuala".',
  villageCode: 'harus berupa kode desa/kelurahan Kemendagri, misalnya "64.74.01.1001".',
  areaCode: 'harus berupa kode desa/kelurahan (misalnya "64.74.01.1001") atau kecamatan (misalnya "64.02.05").',
  color: 'warna harus berupa kode heksadesimal, misalnya "#0f766e".',
  oneOf: (values: readonly string[]) => `nilai tidak dikenal. Pilihan yang diizinkan: ${list(values)}.`,
  list: 'harus berupa daftar (tulis setiap butir di baris baru yang diawali "- ").',
  number: 'harus berupa angka.',
  coordinates: 'harus berisi "lat" dan "lng", misalnya lat: 0.1333 dan lng: 117.4833.',
  outsideIndonesia:
    'koordinat berada di luar Indonesia (lintang −11,5 s.d. 6,5; bujur 94,5 s.d. 141,5). Periksa apakah lat dan lng tertukar atau tanda minus hilang.',
  photo: 'foto harus berisi "src" (berkas gambar), "alt" (keterangan gambar) dan "credit" (nama pemotret).',
  imagePath: 'harus berupa jalur berkas gambar relatif terhadap berkas ini, misalnya "./foto/pantai.jpg".',
  imageMissing: (path: string) => `berkas gambar "${path}" tidak ditemukan.`,
  imageGps: (path: string) =>
    `foto "${path}" menyimpan lokasi GPS tempat foto diambil. Situs tidak menerbitkannya, tetapi berkas aslinya ada di repositori: jalankan "npm run strip-metadata" lalu kirim ulang.`,
  imageUnreadable: (path: string) => `berkas "${path}" bukan gambar yang dapat dibaca atau rusak.`,
  url: 'harus berupa alamat web yang diawali https://.',
  tileUrl: 'harus berupa alamat ubin peta yang diawali https:// dan memuat {z}, {x} dan {y}, misalnya "https://tile.openstreetmap.org/{z}/{x}/{y}.png".',
  unsafeUrl: 'tautan tidak aman atau tidak valid: hanya tautan http(s), mailto dan WhatsApp yang diizinkan.',
  email: 'alamat email tidak valid, misalnya "kim@contoh.id".',
  phone: 'nomor telepon tidak valid: tulis seperti "0812-3456-7890" atau "+62 812-3456-7890".',
  social: 'tulis nama akun (misalnya "@kimbontangkuala") atau alamat profil lengkap yang diawali https://.',
  object: 'harus berupa kumpulan kolom (bukan teks tunggal).',
  boolean: 'harus "true" (ya) atau "false" (tidak).',
  unknownKey: (key: string) => `kolom "${key}" tidak dikenal. Periksa ejaannya.`,
  invalidType: (expected: string) => `jenis nilai salah: seharusnya ${expected}.`,
  scopeCode: 'harus berupa kode provinsi ("64"), kabupaten/kota ("64.74") atau kecamatan ("64.74.01"), atau "ID" untuk seluruh Indonesia.',
  siteUrl: 'harus berupa alamat situs lengkap yang diawali https://, misalnya "https://kim.contoh.id".',
  basePath: 'harus diawali dan diakhiri garis miring, misalnya "/" atau "/jembatan/".',

  // Cross-checks over the whole network.
  yaml: (detail: string) => `frontmatter YAML tidak dapat dibaca: ${detail}`,
  noFrontmatter: 'berkas tidak diawali frontmatter (baris "---", kolom-kolom, lalu "---").',
  fileName: (name: string) =>
    `nama berkas "${name}" tidak dapat menjadi alamat halaman: gunakan huruf kecil, angka dan tanda hubung, misalnya "kim-bontang-kuala.md".`,
  duplicateId: (id: string, other: string) => `id "${id}" sudah dipakai oleh ${other}. Setiap entri perlu nama berkas yang berbeda.`,
  regionUnknown: (code: string) => `kode wilayah "${code}" tidak ada dalam data wilayah Kemendagri (idn-area-data).`,
  regionOutOfScope: (code: string, name: string, scope: string) =>
    `${name} (${code}) berada di luar cakupan jaringan ini (${scope}, lihat content/network.yaml).`,
  kimUnknown: (id: string) => `KIM "${id}" tidak ditemukan: tidak ada berkas content/kim/${id}.md.`,
  placeUnknown: (id: string) => `potensi "${id}" tidak ditemukan: tidak ada berkas content/places/${id}.md.`,
  scopeUnknown: (code: string) => `kode wilayah "${code}" tidak ada dalam data wilayah Kemendagri (idn-area-data).`,
  configMissing: 'berkas konfigurasi jaringan network.yaml tidak ditemukan di folder konten.',
  readFailed: (detail: string) => `berkas tidak dapat dibaca: ${detail}`,
} as const;
