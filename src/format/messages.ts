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
  idTooLong: (max: number) => `id terlalu panjang: paling banyak ${max} karakter, seperti nama berkas entri.`,
  fileNameTooLong: (max: number) => `nama berkas terlalu panjang: paling banyak ${max} karakter sebelum .md, karena menjadi alamat halaman.`,
  tooManyItems: (max: number) => `terlalu banyak butir: paling banyak ${max}.`,
  dateAfterBuild: 'tanggal ini belum tiba: isi dengan tanggal hari ini atau sebelumnya.',
  updatedBeforeDate: 'tanggal pembaruan tidak boleh sebelum tanggal terbit (kolom date).',
  gitattributes: 'berkas .gitattributes tidak boleh ada di folder content/: berkas ini dapat menyembunyikan isi perubahan dari peninjau. Hapus berkasnya.',
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
  imageOutside: (path: string) =>
    `jalur "${path}" keluar dari folder content/. Simpan fotonya di folder content/ (sebaiknya di samping berkas ini) lalu tulis jalurnya, misalnya "./foto/pantai.jpg".`,
  imageQuery: (path: string) => `jalur gambar "${path}" tidak boleh memuat tanda "?", "#", "\\" atau karakter tak terlihat.`,
  imageFolder: (path: string) => `"${path}" adalah folder, bukan berkas gambar.`,
  imageLink: (path: string) =>
    `"${path}" adalah tautan simbolik (symbolic link) atau bukan berkas biasa. Salin fotonya ke folder content/ sebagai berkas biasa.`,
  imageFormat: (path: string) => `format berkas "${path}" tidak didukung: gunakan foto JPEG, PNG, WebP, AVIF atau GIF.`,
  imageSvg: (path: string) =>
    `berkas "${path}" adalah gambar SVG, yang dapat memuat kode program. Gunakan foto JPEG, PNG, WebP, AVIF atau GIF.`,
  bodyImageRelative: (path: string) =>
    `gambar "${path}": tulis jalur berkas yang diawali "./" atau "../", misalnya ![Keterangan](./foto/pantai.jpg).`,
  bodyImageRemote: (url: string) =>
    `gambar "${url}" diambil dari situs lain dan tidak akan tampil (situs hanya memuat gambarnya sendiri). Simpan fotonya di samping berkas ini lalu tulis ![Keterangan](./foto.jpg).`,
  bodyImageReference: 'gambar bergaya rujukan (![teks][nama]) tidak didukung: tulis ![Keterangan](./foto.jpg) langsung.',
  bodyImageAlt: (path: string) => `gambar "${path}" memerlukan keterangan untuk pembaca layar: tulis ![Keterangan gambar](${path}).`,
  bodyImageUrl: (url: string) => `alamat gambar "${url}" tidak dapat dibaca (kode %… yang rusak).`,
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
  yamlFile: (detail: string) => `YAML tidak dapat dibaca: ${detail}`,
  duplicateKey: (key: string) => `kolom "${key}" ditulis dua kali; hapus salah satunya.`,
  tooComplex: 'frontmatter terlalu besar atau berulang-ulang (alias YAML *…): tulis setiap nilai secara langsung.',
  fileTooLarge: (kb: number, maxKb: number) => `berkas terlalu besar (${kb} KB; paling besar ${maxKb} KB). Pecah ceritanya atau pindahkan foto ke berkas gambar.`,
  notRegular: (kind: string) =>
    `${kind}: folder content/ hanya boleh berisi berkas dan folder biasa. Ganti dengan berkas aslinya, atau hapus.`,
  unreadEntry: 'berkas ini tidak dibaca: entri harus berekstensi .md atau .mdx (huruf kecil). Ganti nama berkasnya bila ini sebuah entri.',
  extensionCase: (name: string) => `ekstensi berkas "${name}" harus ditulis dengan huruf kecil: .md atau .mdx.`,
  reservedId: (id: string, section: string) =>
    `nama berkas "${id}" sudah dipakai untuk halaman daftar di /${section}/${id}/…: pilih nama lain, misalnya "${id}-${section}".`,
  suggestion: (id: string) => ` Maksud Anda "${id}"?`,
  codeNeedsQuotes:
    'kode wilayah harus ditulis di antara tanda kutip, misalnya "64.02": tanpa tanda kutip YAML membacanya sebagai angka (64.10 menjadi 64.1).',
  controlCharacters: 'berisi karakter tak terlihat (kode kontrol, spasi tanpa lebar atau pembalik arah teks) yang tidak boleh ada; ketik ulang teksnya.',
  coordinatesForeign: (country: string) =>
    `koordinat berada di ${country}, bukan di Indonesia. Periksa apakah lat dan lng tertukar atau angkanya salah ketik.`,
  coordinatesSea: (km: number) =>
    `koordinat berada di laut, sekitar ${km} km dari daratan Indonesia terdekat. Periksa apakah lat dan lng tertukar, tanda minus hilang, atau angkanya salah ketik.`,
  placeStale: (days: number, limit: number) =>
    `data tempat ini terakhir diperiksa ${days} hari lalu, lebih lama dari batas ${limit} hari di network.yaml (statistics.staleDays). Periksa jam buka, harga dan kontaknya, lalu perbarui tanggal "verified".`,
  colorAdjusted: (color: string, used: string, ratio: string) =>
    `warna merek ${color} terlalu terang untuk teks di atas latar halaman (kontras ${ratio}:1, perlu 4,5:1). Situs memakai ${used} untuk teks dan garis KIM ini; pilih warna lebih gelap bila ingin warna itu sendiri yang tampil.`,
  coordinatesFar: (km: number, regency: string) =>
    `koordinat berjarak sekitar ${km} km dari titik-titik lain di ${regency}. Periksa kembali lokasinya di peta.`,
  noFrontmatter: 'berkas tidak diawali frontmatter (baris "---", kolom-kolom, lalu "---").',
  fileName: (name: string) =>
    `nama berkas "${name}" tidak dapat menjadi alamat halaman: gunakan huruf kecil, angka dan tanda hubung, misalnya "kim-bontang-kuala.md".`,
  gitAccount: 'tulis akun git dengan @ di depannya, mis. "@nama-akun" atau "@organisasi/tim", tanpa spasi.',
  cmsRepo: 'tulis repositori sebagai pemilik/nama, mis. "nama-akun/nama-repo".',
  idFromTitle: 'tidak dapat menjadi nama berkas: tulis huruf atau angka di dalamnya, atau pilih nama berkasnya sendiri.',
  idTaken: (id: string, other: string) => `nama berkas "${id}" sudah dipakai oleh ${other}. Pilih judul atau nama berkas lain.`,
  duplicateId: (id: string, other: string) => `id "${id}" sudah dipakai oleh ${other}. Setiap entri perlu nama berkas yang berbeda.`,
  regionUnknown: (code: string) => `kode wilayah "${code}" tidak ada dalam data wilayah Kemendagri (idn-area-data).`,
  regionOutOfScope: (code: string, name: string, scope: string) =>
    `${name} (${code}) berada di luar cakupan jaringan ini (${scope}, lihat content/network.yaml).`,
  kimFolder: (folder: string, owner: string, written: string | undefined) =>
    `berkas ini ada di folder ${folder}, tempat isi ${owner}, jadi kolom kim harus "${owner}"${written ? ` (tertulis "${written}")` : ''}. Bila isinya milik KIM lain, pindahkan berkasnya ke folder KIM itu.`,
  kimUnknown: (id: string) => `KIM "${id}" tidak ditemukan: tidak ada berkas content/kim/${id}.md.`,
  placeUnknown: (id: string) => `potensi "${id}" tidak ditemukan: tidak ada berkas content/places/${id}.md.`,
  scopeUnknown: (code: string) => `kode wilayah "${code}" tidak ada dalam data wilayah Kemendagri (idn-area-data).`,
  configMissing: 'berkas konfigurasi jaringan network.yaml tidak ditemukan di folder konten.',
  readFailed: (detail: string) => `berkas tidak dapat dibaca: ${detail}`,
} as const;
