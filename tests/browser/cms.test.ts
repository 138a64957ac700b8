/**
 * The web CMS at /admin/ of a built site, in real Chromium with Sveltia CMS's test backend (which
 * keeps files in the browser's private storage): a KIM member fills in a new story form whose
 * fields and labels are the schema's, saves it, and the file the CMS writes passes the content
 * gate unchanged. The CMS loads nothing from any other origin and breaks no security policy.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { describeFields } from '../../src/format/schemas/fields.ts';
import { kimSchema, pathImageContext, storySchema } from '../../src/format/schemas/index.ts';
import { BASE_NETWORK, buildSite, createFixture, removeFixture, TEST_NOW } from '../helpers/fixture.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { runGate } from '../../src/format/gate.ts';
import { writeFileIn } from '../helpers/files.ts';
import indonesian from '../../src/site/cms-locale/id.json' with { type: 'json' };

let contentDir: string;
let work: string;
let browser: Browser;
let server: StaticServer;

/** A small photo without metadata, as a phone's picture would be after `npm run strip-metadata`. */
let PHOTO: Buffer;

const KIM_FILE = {
  data: { name: 'KIM Bontang Kuala', village: '64.74.01.1001', sectors: ['wisata', 'kuliner'] },
  body: 'KIM di Kelurahan Bontang Kuala.',
};

beforeAll(async () => {
  PHOTO = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#0f766e' } }).jpeg().toBuffer();
  contentDir = createFixture({ network: BASE_NETWORK, kim: { 'kim-bontang-kuala': KIM_FILE } });
  work = mkdtempSync(path.join(tmpdir(), 'jembatan-cms-'));
  const built = await buildSite(contentDir, { outDir: path.join(work, 'dist') });
  if (built.code !== 0) throw new Error(built.output);
  server = await serveStatic(built.outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeFixture(contentDir);
  rmSync(work, { recursive: true, force: true });
});

/** Opens the CMS with the repository's files in the test backend's storage, watching for problems. */
async function openCms(files: Record<string, string>, { locale = 'en-US' } = {}): Promise<{ page: Page; problems: string[]; foreign: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale });
  const problems: string[] = [];
  const foreign: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'blob:' && url.protocol !== 'data:' && url.origin !== new URL(server.url).origin) foreign.push(request.url());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`${server.url}admin/`, { waitUntil: 'load' });
  await page.evaluate(async (files) => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test', { create: true });
    for (const [file, text] of Object.entries(files)) {
      const parts = file.split('/');
      let dir = root;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }
  }, files);
  await page.getByRole('button', { name: locale === 'id-ID' ? indonesian.work_with_test_repo : /Test Repository/ }).click();
  await page.waitForURL(/#\/collections\//);
  return { page, problems, foreign };
}

/** The files under a folder of the test backend's storage, by name, their bytes in base64. */
const savedFiles = (page: Page, folder: string) =>
  page.evaluate(async (folder) => {
    let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
    for (const part of folder.split('/')) dir = await dir.getDirectoryHandle(part);
    const found: Record<string, string> = {};
    for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemFileHandle]> }).entries()) {
      if (handle.kind !== 'file') continue;
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      found[name] = btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
    }
    return found;
  }, folder);

/** A field of the editing form (the preview beside it repeats the same keys). */
const field = (page: Page, key: string) => page.locator(`section.field[data-key-path="${key}"]`);
const formLabels = async (page: Page) => {
  // The form draws its fields as they scroll into view: scroll to the last one drawn until the body is.
  for (let i = 0; i < 30 && (await field(page, 'body').count()) === 0; i++) {
    await page.locator('section.field[data-key-path]').last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
  }
  return (await page.locator('section.field[data-key-path]:not([data-key-path*="."]) > header h4').allTextContents()).map((label) => label.trim());
};

const repositoryFiles = () => ({ 'content/kim/kim-bontang-kuala.md': readFileSync(path.join(contentDir, 'kim', 'kim-bontang-kuala.md'), 'utf8') });

describe('the web CMS at /admin/', () => {
  it('shows a new story form with the schema’s fields and Indonesian labels, and saves a story the gate accepts', async () => {
    const { page, problems, foreign } = await openCms(repositoryFiles());
    await page.goto(`${server.url}admin/#/collections/stories/new`);
    await field(page, 'title').waitFor();

    // The form is the schema: every top-level field, in order, with its label, and the body.
    expect(await formLabels(page)).toEqual([...describeFields(storySchema(pathImageContext)).map((f) => f.label), 'Isi cerita']);

    await field(page, 'title').locator('input').fill('Pelatihan menulis berita untuk anggota KIM');
    await field(page, 'date').locator('input[type="date"]').fill('2026-11-30');
    await field(page, 'kim').getByRole('radio', { name: 'KIM Bontang Kuala' }).click();
    await field(page, 'summary').locator('textarea').fill('Anggota KIM belajar menulis kabar kelurahan: judul, ringkasan & foto.');
    await field(page, 'category').getByRole('radio', { name: 'Kegiatan' }).click();
    // A cover photo, uploaded as a KIM member would from their computer.
    await field(page, 'cover').getByRole('checkbox').first().click();
    await field(page, 'cover.src').locator('input[type="file"]').first().setInputFiles({ name: 'Pelatihan KIM.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
    await field(page, 'cover.alt').locator('input, textarea').first().fill('Anggota KIM berlatih menulis di kantor kelurahan');
    await field(page, 'cover.credit').locator('input').fill('KIM Bontang Kuala');
    const body = field(page, 'body').locator('[contenteditable="true"]').first();
    await body.click();
    await body.pressSequentially('Pelatihan diadakan di kantor kelurahan.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    // Saved in the KIM's own folder, which CODEOWNERS gives to the KIM's reviewers.
    const folder = 'content/stories/kim-bontang-kuala';
    const name = 'pelatihan-menulis-berita-untuk-anggota-kim';
    await expect.poll(async () => Object.keys(await savedFiles(page, folder).catch(() => ({}))), { timeout: 15_000 }).toEqual([`${name}.md`]);
    // Its photo in a folder of its own beside it, under a plain name, named so from the story.
    const photos = await savedFiles(page, `${folder}/${name}`);
    expect(Object.keys(photos)).toEqual(['pelatihan-kim.jpg']);
    const text = Buffer.from((await savedFiles(page, folder))[`${name}.md`]!, 'base64').toString('utf8');
    expect(text).toMatch(new RegExp(`^ {2}src: \\./${name}/pelatihan-kim\\.jpg$`, 'm'));
    writeFileIn(contentDir, `stories/kim-bontang-kuala/${name}.md`, text);
    writeFileIn(contentDir, `stories/kim-bontang-kuala/${name}/pelatihan-kim.jpg`, Buffer.from(photos['pelatihan-kim.jpg']!, 'base64'));

    // What the CMS wrote goes through the same gate as a pull request.
    const { result } = await runGate(contentDir, { now: new Date(TEST_NOW) });
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    const story = result.network.stories.find((s) => s.id === name)!;
    expect(story.data).toMatchObject({ title: 'Pelatihan menulis berita untuk anggota KIM', kim: 'kim-bontang-kuala', category: 'kegiatan', summary: 'Anggota KIM belajar menulis kabar kelurahan: judul, ringkasan & foto.' });
    expect(story.data.date.toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(story.source.body).toContain('Pelatihan diadakan di kantor kelurahan.');
    expect(story.data.cover).toMatchObject({ alt: 'Anggota KIM berlatih menulis di kantor kelurahan', credit: 'KIM Bontang Kuala' });
    expect(story.source.images).toEqual([`stories/kim-bontang-kuala/${name}/pelatihan-kim.jpg`]);

    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('chooses a KIM’s village by its name, shown with its kecamatan and kabupaten, and stores the code', async () => {
    const { page, problems } = await openCms(repositoryFiles());
    await page.goto(`${server.url}admin/#/collections/kim/new`);
    await field(page, 'village').waitFor();
    expect(await formLabels(page)).toEqual([...describeFields(kimSchema(pathImageContext)).map((f) => f.label), 'Tentang KIM']);

    await field(page, 'name').locator('input').fill('KIM Lok Tuan');
    const village = field(page, 'village');
    await village.getByRole('searchbox').fill('lok tuan');
    await village.getByRole('option', { name: 'Lok Tuan — Kec. Bontang Utara, Kota Bontang' }).click();
    await expect.poll(() => village.textContent()).toContain('Terpilih: Lok Tuan — Kec. Bontang Utara, Kota Bontang (64.74.01.1003)');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => Object.keys(await savedFiles(page, 'content/kim')), { timeout: 15_000 }).toContain('kim-lok-tuan.md');
    const saved = Buffer.from((await savedFiles(page, 'content/kim'))['kim-lok-tuan.md']!, 'base64').toString('utf8');
    expect(saved).toMatch(/^village: ['"]?64\.74\.01\.1003['"]?$/m);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a KIM’s reviewers but lets nobody change them there: the editors do, with CODEOWNERS', async () => {
    const withReviewers = repositoryFiles()['content/kim/kim-bontang-kuala.md'].replace(/^name: .*$/m, (line) => `${line}\nreviewers:\n  - '@anggota-kuala'`);
    const { page, problems } = await openCms({ 'content/kim/kim-bontang-kuala.md': withReviewers });
    await page.goto(`${server.url}admin/#/collections/kim/entries/kim-bontang-kuala`);
    await field(page, 'name').waitFor();
    await formLabels(page);
    const reviewers = field(page, 'reviewers');
    await reviewers.scrollIntoViewIfNeeded();
    const input = reviewers.locator('input');
    await expect.poll(() => input.inputValue()).toBe('@anggota-kuala');
    expect(await input.getAttribute('readonly')).not.toBeNull();
    // No way to add, remove or reorder one either: what is left to press only folds or shows options.
    const pressable = await reviewers.locator('button:not([disabled])').evaluateAll((buttons) => buttons.map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim()));
    expect(pressable.length).toBeGreaterThan(0);
    expect(pressable.filter((label) => /add|remove|delete|reorder|duplicate/i.test(label))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('speaks Indonesian to a browser set to Indonesian, from the project’s own translation', async () => {
    const { page, problems, foreign } = await openCms(repositoryFiles(), { locale: 'id-ID' });
    await page.goto(`${server.url}admin/#/collections/stories/new`);
    await field(page, 'title').waitFor();
    await expect.poll(() => page.getByRole('button', { name: indonesian.save, exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    // The fields keep the schema's labels, in whatever language the CMS speaks.
    expect(await formLabels(page)).toEqual([...describeFields(storySchema(pathImageContext)).map((f) => f.label), 'Isi cerita']);
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
