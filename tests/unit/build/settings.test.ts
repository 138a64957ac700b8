/**
 * The build's settings from the environment and network.yaml (src/build/settings.ts): here the
 * preview mode, which `npm run build:host` may ask for and a network may decide for itself.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSocialCardSetting, readSocialCardsOverride, socialCardMode } from '../../../src/build/settings.ts';

describe('the preview mode of a build', () => {
  it('is a story’s and place’s own card for "auto" unless the environment asks for the KIM’s', () => {
    expect(socialCardMode('auto', null)).toBe('entries');
    expect(socialCardMode('auto', 'kim')).toBe('kim');
    expect(socialCardMode('auto', 'entries')).toBe('entries');
  });

  it('is what the network chose, whatever the environment asks', () => {
    expect(socialCardMode('entries', 'kim')).toBe('entries');
    expect(socialCardMode('kim', null)).toBe('kim');
    expect(socialCardMode('kim', 'entries')).toBe('kim');
  });

  it('reads JEMBATAN_SOCIAL_CARDS, and stops on a value it does not know, naming the ones it does', () => {
    expect(readSocialCardsOverride({})).toBeNull();
    expect(readSocialCardsOverride({ JEMBATAN_SOCIAL_CARDS: '' })).toBeNull();
    expect(readSocialCardsOverride({ JEMBATAN_SOCIAL_CARDS: ' kim ' })).toBe('kim');
    expect(() => readSocialCardsOverride({ JEMBATAN_SOCIAL_CARDS: 'auto' })).toThrow('JEMBATAN_SOCIAL_CARDS="auto" tidak dikenal: tulis entries atau kim.');
  });
});

describe('readSocialCardSetting', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jembatan-settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads socialCards from network.yaml, "auto" when it is absent', () => {
    writeFileSync(path.join(dir, 'network.yaml'), 'name: Uji\nsocialCards: kim\n');
    expect(readSocialCardSetting(dir)).toBe('kim');
    writeFileSync(path.join(dir, 'network.yaml'), '\uFEFFname: Uji\n');
    expect(readSocialCardSetting(dir)).toBe('auto');
  });

  it('never fails before the gate: a broken file, a wrong value, a link or no file at all read as "auto"', () => {
    expect(readSocialCardSetting(dir)).toBe('auto');
    writeFileSync(path.join(dir, 'network.yaml'), 'socialCards: [kim\n');
    expect(readSocialCardSetting(dir)).toBe('auto');
    writeFileSync(path.join(dir, 'network.yaml'), 'socialCards: semua\n');
    expect(readSocialCardSetting(dir)).toBe('auto');
    writeFileSync(path.join(dir, 'network.yaml'), '- socialCards: kim\n');
    expect(readSocialCardSetting(dir)).toBe('auto');
    // A link is refused by the gate and never read before it.
    mkdirSync(path.join(dir, 'elsewhere'));
    writeFileSync(path.join(dir, 'elsewhere', 'network.yaml'), 'socialCards: kim\n');
    rmSync(path.join(dir, 'network.yaml'));
    symlinkSync(path.join(dir, 'elsewhere', 'network.yaml'), path.join(dir, 'network.yaml'));
    expect(readSocialCardSetting(dir)).toBe('auto');
  });
});
