import { z } from 'astro/zod';
import { DEFAULT_LICENSE, LICENSE_KEYS, STORY_CATEGORY_KEYS } from '../../domain/taxonomy.ts';
import { msg } from '../messages.ts';
import { titleText, dateField, entryId, field, optionalText, photo, requiredText, tagList, type SchemaContext } from './common.ts';

/** Places one story is about, and people it credits: each is shown on its page. */
const MAX_STORY_PLACES = 20;
const MAX_AUTHORS = 20;

/** A story (cerita): local news published by one KIM, in `content/stories/`. */
export const storySchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z.strictObject({
    title: titleText().meta(field('Judul', 'Judul cerita, paling banyak 100 karakter.', 'Benua Elai, destinasi wisata Desa Batuah')),
    date: dateField().meta(field('Tanggal terbit', 'Tahun-bulan-tanggal; cerita bertanggal masa depan baru terbit pada tanggal itu.', '2026-11-30')),
    updated: dateField().optional().meta(field('Tanggal pembaruan', 'Tanggal cerita terakhir diperbarui.', '2026-12-01')),
    /** What was corrected after publication, shown above the story: readers and republishers must see it. */
    correction: optionalText(400).meta(field('Catatan koreksi', 'Apa yang diperbaiki setelah cerita terbit; tampil di atas cerita. Isi juga tanggal pembaruan.', 'Nama kepala desa diperbaiki.')),
    /** The id of the publishing KIM (its file name in `content/kim/`). */
    kim: entryId('kim').meta(field('KIM penerbit', 'Nama berkas KIM yang menerbitkan cerita, tanpa .md.', 'kim-batuah')),
    summary: requiredText(300).meta(field('Ringkasan', 'Satu atau dua kalimat yang tampil di daftar dan pencarian.')),
    cover: photo(ctx).optional().meta(field('Foto sampul', 'Foto utama cerita, dengan keterangan dan nama pemotret.')),
    category: z.enum(STORY_CATEGORY_KEYS, { error: msg.oneOf(STORY_CATEGORY_KEYS) }).meta(field('Kategori', 'Jenis cerita.', 'berita')),
    tags: tagList().meta(field('Topik', 'Kata kunci cerita, ditulis seperti dalam kalimat (nama tempat diawali huruf besar); setiap topik di baris sendiri dan mendapat halaman sendiri.', 'Wisata desa')),
    /** Names as the authors want to be credited. */
    authors: z.array(requiredText(80), { error: msg.list }).max(MAX_AUTHORS, { error: msg.tooManyItems(MAX_AUTHORS) }).default([]).meta(field('Penulis', 'Nama penulis sebagaimana ingin disebut.', 'Tim Redaksi KIM')),
    license: z.enum(LICENSE_KEYS, { error: msg.oneOf(LICENSE_KEYS) }).default(DEFAULT_LICENSE).meta(field('Lisensi', 'Siapa boleh menerbitkan ulang cerita ini; bawaannya CC-BY-4.0.', 'CC-BY-4.0')),
    draft: z.boolean({ error: msg.boolean }).default(false).meta(field('Draf', 'true agar cerita belum diterbitkan di mana pun.', 'false')),
    /** Places this story is about, by id (file name in `content/places/`). */
    places: z.array(entryId('places'), { error: msg.list }).max(MAX_STORY_PLACES, { error: msg.tooManyItems(MAX_STORY_PLACES) }).default([]).meta(field('Potensi yang dibahas', 'Nama berkas potensi yang dibahas cerita ini.', 'benua-elai')),
    sample: z.boolean({ error: msg.boolean }).default(false).meta(field('Contoh', 'true bila isi ini hanya contoh, bukan data sungguhan.', 'false')),
  });

export type StoryData = z.output<ReturnType<typeof storySchema>>;
