import { z } from 'astro/zod';
import { PLACE_KIND_KEYS, PRICE_RANGE_KEYS } from '../../domain/taxonomy.ts';
import { msg } from '../messages.ts';
import {
  contacts,
  coordinates,
  dateField,
  entryId,
  field,
  optionalText,
  photo,
  requiredText,
  villageOrDistrictCode,
  type SchemaContext,
  titleText,
} from './common.ts';

/** A place (potensi): a tourism spot, culinary place, craft or small business, in `content/places/`. */
export const placeSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z.strictObject({
    name: titleText().meta(field('Nama', 'Nama tempat atau usaha.', 'Benua Elai')),
    kind: z.enum(PLACE_KIND_KEYS, { error: msg.oneOf(PLACE_KIND_KEYS) }).meta(field('Jenis', 'Jenis potensi.', 'wisata')),
    /** The desa/kelurahan code, or a kecamatan code for an area that spans several villages. */
    region: villageOrDistrictCode().meta(field('Wilayah', 'Desa/kelurahan tempat ini berada, atau kecamatannya untuk kawasan yang melintasi beberapa desa; disimpan sebagai kode Kemendagri.', '64.02.03.2006')),
    /** The KIM that maintains this listing, if any. */
    kim: entryId('kim').optional().meta(field('KIM pengelola', 'Nama berkas KIM yang mengelola data ini.', 'kim-batuah')),
    summary: requiredText(300).meta(field('Ringkasan', 'Satu atau dua kalimat tentang tempat ini.')),
    coordinates: coordinates().optional().meta(field('Koordinat', 'Titik di peta untuk penanda dan petunjuk arah.')),
    address: optionalText(240).meta(field('Alamat', 'Alamat atau petunjuk lokasi.', 'Desa Batuah, Kecamatan Loa Janan')),
    /** Opening hours as people say them, e.g. "Setiap hari, 08.00–17.00 WITA". */
    hours: optionalText(160).meta(field('Jam buka', 'Jam buka seperti orang mengatakannya.', 'Setiap hari, 08.00–17.00 WITA')),
    priceRange: z.enum(PRICE_RANGE_KEYS, { error: msg.oneOf(PRICE_RANGE_KEYS) }).optional().meta(field('Kisaran harga', 'Kisaran harga kasar.', 'murah')),
    contacts: contacts().meta(field('Kontak', 'Kontak publik tempat ini; WhatsApp ditampilkan pertama.')),
    photos: z.array(photo(ctx), { error: msg.list }).default([]).meta(field('Foto', 'Foto tempat ini, masing-masing dengan keterangan dan nama pemotret.')),
    /** When someone last checked that the listing is still true. */
    verified: dateField().optional().meta(field('Tanggal diperiksa', 'Tanggal terakhir data ini diperiksa masih benar.', '2026-11-30')),
    featured: z.boolean({ error: msg.boolean }).default(false).meta(field('Unggulan', 'true untuk ditampilkan di beranda.', 'false')),
    sample: z.boolean({ error: msg.boolean }).default(false).meta(field('Contoh', 'true bila isi ini hanya contoh, bukan data sungguhan.', 'false')),
  });

export type PlaceData = z.output<ReturnType<typeof placeSchema>>;
