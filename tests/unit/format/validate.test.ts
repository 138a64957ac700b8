/**
 * validateNetwork as a whole (src/format/validate.ts): what a valid network gives back, and every
 * problem of a run, across files and network.yaml, in one result.
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../../src/format/messages.ts';
import { errorsOf, file, KIM_MD, NETWORK_PATH, NETWORK_YAML, PLACE_MD, STORY_MD, validate, validKim, validPlace, validStory } from '../../helpers/validate-network.ts';

describe('validateNetwork on valid content', () => {
  it('accepts a network whose entries reference each other correctly', () => {
    const result = validate({ files: [validKim(), validPlace(), validStory()] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.network.config.scope).toEqual(['64.74']);
    expect(result.network.kim.map((k) => k.id)).toEqual(['kim-bontang-kuala']);
    expect(result.network.places.map((p) => p.id)).toEqual(['kampung-bontang-kuala']);
    expect(result.network.stories[0]).toMatchObject({
      id: 'festival-pesisir',
      displayPath: 'content/stories/festival-pesisir.md',
      data: { date: new Date('2026-01-05T00:00:00Z'), license: 'CC-BY-4.0' },
    });
    expect(result.network.tree.require('64.74').inScope).toBe(true);
  });

  it('accepts a network with no entries at all', () => {
    expect(validate({ files: [] }).ok).toBe(true);
  });
});

describe('validateNetwork reports everything at once', () => {
  it('collects errors from several files and from network.yaml in one result', () => {
    const network = NETWORK_YAML.replace('- "64.74"', '- "64.74"\n  - "64.99"');
    const files = [
      file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('64.74.01.1001', '64.74.01.1999')),
      file('kim', 'kim-api-api.md', KIM_MD.replace('name: KIM Bontang Kuala\n', '').replace('1001', '1002')),
      file('kim', 'Kim Rusak.md', KIM_MD),
      file('places', 'pantai.md', '# tanpa frontmatter\n'),
      file('stories', 'festival-pesisir.md', STORY_MD.replace('[kampung-bontang-kuala]', '[pantai-hilang]')),
    ];
    const errors = errorsOf(validate({ network, files }));
    expect(errors).toEqual(
      expect.arrayContaining([
        { file: NETWORK_PATH, field: 'scope[1]', message: msg.scopeUnknown('64.99') },
        { file: 'content/kim/kim-bontang-kuala.md', field: 'village', message: msg.regionUnknown('64.74.01.1999') },
        { file: 'content/kim/kim-api-api.md', field: 'name', message: msg.required },
        { file: 'content/kim/Kim Rusak.md', field: null, message: msg.fileName('Kim Rusak') },
        { file: 'content/places/pantai.md', field: null, message: msg.noFrontmatter },
        { file: 'content/stories/festival-pesisir.md', field: 'places[0]', message: msg.placeUnknown('pantai-hilang') },
      ]),
    );
    expect(new Set(errors.map((e) => e.file)).size).toBe(6);
  });
});

describe('validateNetwork advises without failing', () => {
  it('warns of place data checked longer ago than the network allows, naming the file and field', () => {
    const checked = (date: string) => file('places', 'kampung-bontang-kuala.md', PLACE_MD.replace('summary:', `verified: ${date}\nsummary:`));
    const old = validate({ files: [validKim(), checked('2025-11-30')] });
    expect(old.ok).toBe(true);
    expect(old.warnings).toEqual([{ file: 'content/places/kampung-bontang-kuala.md', field: 'verified', message: msg.placeStale(366, 365) }]);
    expect(validate({ files: [validKim(), checked('2025-12-01')] }).warnings).toEqual([]);
    // The network sets its own age.
    const strict = validate({ network: `${NETWORK_YAML}statistics:\n  staleDays: 30\n`, files: [validKim(), checked('2026-10-01')] });
    expect(strict.warnings.map((w) => w.message)).toEqual([msg.placeStale(61, 30)]);
  });

  it('warns of a brand colour too light to read on the page, and says which colour the site uses instead', () => {
    const coloured = (color: string) => file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('sectors:', `color: "${color}"\nsectors:`));
    const light = validate({ files: [coloured('#f5c400')] });
    expect(light.ok).toBe(true);
    expect(light.warnings).toHaveLength(1);
    expect(light.warnings[0]).toMatchObject({ file: 'content/kim/kim-bontang-kuala.md', field: 'color' });
    expect(light.warnings[0]!.message).toMatch(/^warna merek #f5c400 terlalu terang .* Situs memakai #[0-9a-f]{6} untuk teks/);
    expect(validate({ files: [coloured('#0f766e')] }).warnings).toEqual([]);
  });
});
