import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { decodeRegions, encodeRegions } from '../../../src/domain/regions/compact.ts';
import { districtChoices, findVillages, villageChoices } from '../../../src/domain/regions/names.ts';
import { RegionTree } from '../../../src/domain/regions/tree.ts';
import { describeFields, type FieldDoc } from '../../../src/format/schemas/fields.ts';
import { kimSchema, networkSchema, pathImageContext, placeSchema, storySchema } from '../../../src/format/schemas/index.ts';
import { cmsConfig, cmsOrigins, VILLAGE_FIELD, type CmsConfig, type CmsField, type CmsInput } from '../../../src/site/cms.ts';
import { createTranslator } from '../../../src/site/i18n/index.ts';
import { KALIMANTAN_SLICE } from '../../helpers/regions.ts';

const SCOPE = ['64.02', '64.74'];
const network = (extra: Record<string, unknown> = {}) =>
  networkSchema.parse({ name: 'Jaringan Uji', description: 'Jaringan untuk pengujian.', site: 'https://example.org', base: '/jaringan/', scope: SCOPE, ...extra });
const input = (extra: Partial<CmsInput> = {}): CmsInput => ({ network: network(), contentFolder: 'content', regions: '/jaringan/admin/wilayah.json', logo: '/jaringan/favicon.svg', t: createTranslator('id'), ...extra });

const SCHEMAS = { kim: kimSchema(pathImageContext), stories: storySchema(pathImageContext), places: placeSchema(pathImageContext) };
const collection = (config: CmsConfig, name: keyof typeof SCHEMAS) => config.collections.find((c) => c.name === name)!;

/** Every field with its path (`cover.alt`), schema or CMS alike; a list's item fields sit under the list. */
function schemaPaths(fields: FieldDoc[], prefix = ''): Map<string, FieldDoc> {
  return new Map(fields.flatMap((f) => [[`${prefix}${f.key}`, f] as const, ...schemaPaths(f.fields ?? [], `${prefix}${f.key}.`)]));
}
function cmsPaths(fields: CmsField[], prefix = ''): Map<string, CmsField> {
  return new Map(fields.flatMap((f) => [[`${prefix}${f.name}`, f] as const, ...cmsPaths(f.fields ?? [], `${prefix}${f.name}.`)]));
}

describe('the CMS configuration is the content schemas', () => {
  const config = cmsConfig(input());

  for (const name of ['kim', 'stories', 'places'] as const) {
    it(`${name}: every schema field is in the CMS with its label and hint, and every CMS field is in the schema`, () => {
      const schema = schemaPaths(describeFields(SCHEMAS[name]));
      const cms = cmsPaths(collection(config, name).fields);
      cms.delete('body'); // The Markdown body, outside the frontmatter.
      expect([...cms.keys()].sort()).toEqual([...schema.keys()].sort());
      for (const [path, field] of schema) {
        const shown = cms.get(path)!;
        expect(shown.label, path).toBe(field.label);
        expect(shown.hint, path).toContain(field.hint!);
        expect(shown.required, path).toBe(field.required);
        if (field.options) expect(shown.options!.map((o) => o.value), path).toEqual(field.options);
        if (field.photo) expect(shown, path).toMatchObject({ widget: 'image', accept: 'image/jpeg,image/png,image/webp,image/avif,image/gif,image/tiff', choose_url: false });
      }
    });
  }

  it('offers every choice with the words the site uses, never the bare key', () => {
    const stories = cmsPaths(collection(config, 'stories').fields);
    expect(stories.get('category')!.options).toContainEqual({ value: 'layanan-publik', label: 'Layanan publik' });
    expect(stories.get('license')!.options!.find((o) => o.value === 'hak-cipta')!.label).toMatch(/^Hak cipta dilindungi/);
    expect(stories.get('license')!.options!.find((o) => o.value === 'CC-BY-SA-4.0')!.label).toMatch(/^CC BY-SA 4\.0: /);
    // Every choice of every collection has its words, not its key.
    for (const c of config.collections) {
      for (const [path, field] of cmsPaths(c.fields)) for (const option of field.options ?? []) expect(option.label, `${c.name}.${path}`).not.toBe(option.value);
    }
    const kim = cmsPaths(collection(config, 'kim').fields);
    expect(kim.get('sectors')).toMatchObject({ widget: 'select', multiple: true });
    expect(kim.get('sectors')!.options).toContainEqual({ value: 'kerajinan', label: 'Kerajinan & batik' });
  });

  it('chooses a village by its name with the village field, from the scope’s list, never by typing a code', () => {
    expect(cmsPaths(collection(config, 'kim').fields).get('village')).toMatchObject({ widget: VILLAGE_FIELD, regions: '/jaringan/admin/wilayah.json' });
    // A place may cover a whole kecamatan; its chooser offers those too.
    expect(cmsPaths(collection(config, 'places').fields).get('region')).toMatchObject({ widget: VILLAGE_FIELD, districts: true });
  });

  it('serves the scope’s regions compactly, and the browser labels them as npm run new does', () => {
    const tree = RegionTree.build(KALIMANTAN_SLICE, SCOPE);
    const data = decodeRegions(encodeRegions(tree.records()));
    const choices = villageChoices(data, ['ID']);
    expect(choices.map((v) => v.code)).toEqual(villageChoices(KALIMANTAN_SLICE, SCOPE).map((v) => v.code));
    expect(choices.map((v) => v.code)).not.toContain('63.02.19.2005'); // Batuah in Kotabaru: out of scope.
    // Namesakes are told apart by their kecamatan and kabupaten/kota.
    expect(findVillages('batuah', choices).map((v) => v.label)).toEqual(['Batuah — Kec. Loa Janan, Kab. Kutai Kartanegara', 'Batuah — Kec. Bontang Selatan, Kota Bontang']);
    expect(districtChoices(data, ['ID'])).toContainEqual({ code: '64.02.03', name: 'Loa Janan', label: 'Seluruh Kec. Loa Janan, Kab. Kutai Kartanegara' });
    expect(() => decodeRegions('{"provinces":[["64"]]}')).toThrow(/Daftar wilayah tidak lengkap/);
  });

  it('links a story to its KIM and places by name, stored by id, and keeps photos beside the entry', () => {
    const story = cmsPaths(collection(config, 'stories').fields);
    expect(story.get('kim')).toMatchObject({ widget: 'relation', collection: 'kim', value_field: '{{slug}}', display_fields: ['name'] });
    expect(story.get('places')).toMatchObject({ widget: 'relation', collection: 'places', multiple: true, max: 20 });
    // The CMS stops at the gate's limits on lists, so a member never saves a story the build refuses.
    expect(story.get('tags')).toMatchObject({ widget: 'list', max: 20 });
    expect(story.get('authors')).toMatchObject({ widget: 'list', max: 20 });
    for (const c of config.collections) {
      expect(c.folder).toBe(`content/${c.name === 'kim' ? 'kim' : c.name}`);
      expect(c).toMatchObject({ media_folder: '', public_folder: c.name === 'kim' ? '' : './{{slug}}', extension: 'md', format: 'yaml-frontmatter' });
    }
    expect(collection(config, 'stories').preview_path).toBe('cerita/{{slug}}/');
    // A KIM's stories and places are written in its own folder; profiles stay one file per KIM.
    expect(collection(config, 'stories').path).toBe('{{fields.kim}}/{{slug}}');
    expect(collection(config, 'places').path).toBe('{{fields.kim}}/{{slug}}');
    expect(collection(config, 'kim').path).toBe('{{slug}}');
    expect(config.site_url).toBe('https://example.org/jaringan/');
  });

  it('shows a KIM’s reviewers read-only: who approves a KIM’s content changes only by the editors, with CODEOWNERS', () => {
    const kim = cmsPaths(collection(config, 'kim').fields);
    // Sveltia CMS locks a list only by its items and its buttons (tests/browser/cms.test.ts).
    expect(kim.get('reviewers')).toMatchObject({ readonly: true, allow_add: false, allow_remove: false, allow_reorder: false, field: { readonly: true } });
    expect(kim.get('reviewers')!.hint).toContain('Hanya editor jaringan yang mengubahnya');
    const editable = [...cmsPaths(config.collections.flatMap((c) => c.fields))].filter(([key, f]) => f.readonly && key !== 'reviewers');
    expect(editable).toEqual([]);
  });

  it('is valid for Sveltia CMS, by the JSON schema the CMS publishes', () => {
    const schemaFile = createRequire(import.meta.url).resolve('@sveltia/cms').replace(/npm\/index\.js$/, 'schema/sveltia-cms.json');
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    for (const extra of [{}, { cms: { repo: 'pemilik/repo' } }, { cms: { backend: 'gitlab', repo: 'grup/repo', appId: 'abc', apiUrl: 'https://git.example.org/api/v4' } }]) {
      const valid = validate(JSON.parse(JSON.stringify(cmsConfig(input({ network: network(extra) })))));
      expect(validate.errors ?? [], JSON.stringify(extra)).toEqual([]);
      expect(valid).toBe(true);
    }
  });
});

describe('where edits go', () => {
  it('without a repository, the CMS is a training ground that keeps edits in the browser', () => {
    const config = cmsConfig(input());
    expect(config.backend).toEqual({ name: 'test-repo' });
    expect(cmsOrigins(config.backend)).toEqual({ connect: [], images: [] });
  });

  it('on GitHub, every save is a pull request for review, and residents without access send theirs from a fork', () => {
    const config = cmsConfig(input({ network: network({ cms: { repo: 'pemilik/repo', authUrl: 'https://masuk.example.org' } }) }));
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.backend).toEqual({ name: 'github', repo: 'pemilik/repo', base_url: 'https://masuk.example.org', open_authoring: true, auth_scope: 'public_repo' });
    expect(cmsOrigins(config.backend).connect).toEqual(['https://api.github.com']);
  });

  it('takes the repository GitHub Actions builds from when network.yaml does not name one', () => {
    expect(cmsConfig(input({ repository: 'diskominfo/jaringan' })).backend).toMatchObject({ name: 'github', repo: 'diskominfo/jaringan' });
  });

  it('a network can switch review off: saves publish directly, and there is no fork route without review', () => {
    const config = cmsConfig(input({ network: network({ cms: { repo: 'pemilik/repo', review: false } }) }));
    expect(config.publish_mode).toBe('simple');
    expect(config.backend).not.toHaveProperty('open_authoring');
  });

  it('Gitea and Forgejo publish directly (the CMS reviews only on GitHub and GitLab) and talk to their own API', () => {
    const config = cmsConfig(input({ network: network({ cms: { backend: 'gitea', repo: 'kim/situs', apiUrl: 'https://git.example.org/api/v1', appId: 'id-aplikasi' } }) }));
    expect(config.publish_mode).toBe('simple');
    expect(config.backend).toEqual({ name: 'gitea', repo: 'kim/situs', base_url: 'https://git.example.org', api_root: 'https://git.example.org/api/v1', app_id: 'id-aplikasi' });
    expect(cmsOrigins(config.backend).connect).toEqual(['https://git.example.org']);
  });

  it('GitLab signs in on its own server with PKCE, and the page may reach it', () => {
    const config = cmsConfig(input({ network: network({ cms: { backend: 'gitlab', repo: 'grup/situs', appId: 'id', apiUrl: 'https://git.example.org/api/v4' } }) }));
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.backend).toEqual({ name: 'gitlab', repo: 'grup/situs', base_url: 'https://git.example.org', api_root: 'https://git.example.org/api/v4', app_id: 'id', auth_type: 'pkce' });
    expect(cmsOrigins(config.backend).connect).toEqual(['https://git.example.org']);
    expect(cmsOrigins(cmsConfig(input({ network: network({ cms: { backend: 'gitlab', repo: 'grup/situs', appId: 'id' } }) })).backend).connect).toEqual(['https://gitlab.com']);
  });

  it('refuses a repository that is not owner/name, in Indonesian', () => {
    const result = networkSchema.safeParse({ name: 'J', description: 'D', site: 'https://example.org', scope: SCOPE, cms: { repo: 'https://github.com/x' } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/pemilik\/nama/);
  });
});
