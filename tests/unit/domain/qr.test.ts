import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { QR_QUIET_ZONE, qrCode, qrSvg } from '../../../src/domain/qr.ts';
import { decodeQrSvg } from '../../helpers/qr.ts';

const STORY = 'https://example.org/cerita/benua-elai-destinasi-wisata-desa-batuah/';

describe('a QR code of a page’s address', () => {
  it('decodes, rasterised, back to the address', () => {
    for (const url of [STORY, 'https://kim.example.id/jembatan/kim/kim-batuah/poster/', `https://example.org/potensi/${'sangat-panjang-'.repeat(8)}akhir/`]) {
      expect(decodeQrSvg(qrSvg(qrCode(url)))).toBe(url);
    }
  });

  it('still decodes when drawn small, as on a printed sheet (about 3 px per module)', () => {
    const qr = qrCode(STORY);
    expect(decodeQrSvg(qrSvg(qr), qr.size * 3)).toBe(STORY);
  });

  it('keeps a quiet zone of four light modules on every side', () => {
    const qr = qrCode(STORY);
    // Version 5 at error correction M: 37 modules across, 45 with the quiet zone.
    expect(qr.size).toBe(37 + 2 * QR_QUIET_ZONE);
    const first = /^M(\d+) (\d+(?:\.\d+)?)h/.exec(qr.path)!;
    expect([Number(first[1]), Number(first[2])]).toEqual([QR_QUIET_ZONE, QR_QUIET_ZONE + 0.5]);
    // Every run's end stays inside the quiet zone's frame: the pen never reaches the last four columns.
    let x = 0;
    let y = 0;
    for (const [, command, dx, dy, run] of qr.path.matchAll(/([Mm])(-?\d+) (-?[\d.]+)h(\d+)/g)) {
      x = command === 'M' ? Number(dx) : x + Number(dx);
      y = command === 'M' ? Number(dy) : y + Number(dy);
      expect(x).toBeGreaterThanOrEqual(QR_QUIET_ZONE);
      expect(x + Number(run)).toBeLessThanOrEqual(qr.size - QR_QUIET_ZONE);
      expect(y).toBeLessThan(qr.size - QR_QUIET_ZONE);
      x += Number(run);
    }
  });

  it('draws black modules on white, as nothing but a path of moves and lines', () => {
    const svg = qrSvg(qrCode(STORY));
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).toContain('stroke="#000000"');
    expect(qrCode(STORY).path).toMatch(/^[Mmh\d .-]+$/);
  });

  it('is small enough to print on every page: about half a kilobyte compressed for a long address', () => {
    expect(gzipSync(qrCode(STORY).path).length).toBeLessThan(600);
  });
});
