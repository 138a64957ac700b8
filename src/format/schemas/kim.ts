import { z } from 'astro/zod';
import { SECTOR_KEYS } from '../../domain/taxonomy.ts';
import { titleText, contacts, coordinates, dateField, field, gitAccounts, hexColor, photoField, keyList, optionalText, requiredText, villageCode, type SchemaContext } from './common.ts';

/** A KIM's profile: one file per KIM in `content/kim/`, its Markdown body is the "about" text. */
export const kimSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z.strictObject({
    name: titleText().meta(field('Nama KIM', 'Nama resmi KIM seperti dalam SK.', 'KIM Batuah')),
    /** The desa/kelurahan the KIM serves; a village may have more than one KIM. */
    village: villageCode().meta(field('Desa/kelurahan', 'Desa atau kelurahan tempat KIM berada, disimpan sebagai kode Kemendagri-nya.', '64.02.03.2006')),
    /** The decree (SK) of the desa or kelurahan government that formalised the KIM. */
    decree: z
      .strictObject({
        number: requiredText(120).meta(field('Nomor SK', 'Nomor surat keputusan pengukuhan KIM.')),
        date: dateField().meta(field('Tanggal SK', 'Tanggal surat keputusan, tahun-bulan-tanggal.', '2021-03-01')),
        issuer: requiredText(160).meta(field('Penerbit SK', 'Jabatan yang menandatangani SK.', 'Kepala Desa Batuah')),
      })
      .optional()
      .meta(field('SK pengukuhan', 'Surat keputusan pemerintah desa/kelurahan yang mengukuhkan KIM.')),
    /** Registration number in the national KIM directory (KIM.ID). */
    registration: optionalText(60).meta(field('Nomor registrasi', 'Nomor registrasi KIM di direktori nasional (KIM.ID).')),
    founded: dateField().optional().meta(field('Tanggal berdiri', 'Tanggal KIM dibentuk, tahun-bulan-tanggal.', '2021-03-01')),
    sectors: keyList(SECTOR_KEYS).meta(field('Sektor', 'Bidang kegiatan KIM; boleh lebih dari satu.', 'wisata')),
    tagline: optionalText(140).meta(field('Slogan', 'Satu kalimat pendek tentang KIM.')),
    /** The potential the KIM's brand is built on, as a Diskominfo re-brands KIM by their area's character. */
    flagship: optionalText(60).meta(field('Potensi unggulan', 'Potensi yang menjadi ciri merek KIM dan wilayahnya, dalam beberapa kata.', 'kuliner pesisir')),
    brandStory: optionalText(600).meta(field('Kisah merek', 'Dua atau tiga kalimat tentang ciri wilayah yang dibawa merek KIM ini.')),
    color: hexColor()
      .optional()
      .meta(field('Warna merek', 'Warna KIM dalam kode heksadesimal. Kosongkan agar situs memilihkan warna yang berbeda dari KIM lain.', '#0f766e')),
    secondaryColor: hexColor()
      .optional()
      .meta(field('Warna pendamping', 'Warna kedua merek KIM, untuk poster dan bahan cetak, dalam kode heksadesimal.', '#f59e0b')),
    logo: ctx.image().optional().meta(photoField('Logo', 'Berkas gambar logo di samping berkas ini; tanpa logo, situs membuat monogram.', './logo.png')),
    /** Where the KIM's secretariat is, for the network map. */
    coordinates: coordinates().optional().meta(field('Koordinat sekretariat', 'Titik sekretariat KIM di peta.')),
    contacts: contacts().meta(field('Kontak', 'Kontak publik KIM; WhatsApp ditampilkan pertama.')),
    /** Who approves changes to this KIM's files, by CODEOWNERS (never shown on the site). */
    reviewers: gitAccounts().meta({
      ...field(
        'Peninjau (akun git)',
        'Akun GitHub/GitLab anggota KIM yang menyetujui perubahan isi KIM ini sebelum terbit; tidak ditampilkan di situs. Hanya editor jaringan yang mengubahnya, lewat git bersama npm run codeowners.',
        '@nama-akun',
      ),
      editorsOnly: true,
    }),
    active: z.boolean().default(true).meta(field('Aktif', 'Isi false bila KIM tidak aktif lagi.', 'true')),
    /** Marks demo content that illustrates the format and is not a real record. */
    sample: z.boolean().default(false).meta(field('Contoh', 'true bila isi ini hanya contoh, bukan data sungguhan.', 'false')),
  });

export type KimData = z.output<ReturnType<typeof kimSchema>>;
