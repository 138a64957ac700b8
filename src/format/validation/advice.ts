/**
 * Warnings that do not stop a build but that a network's editors should act on: place data not
 * checked for longer than the network allows (the dashboard lists it too), and a brand colour too
 * light to read on the page, which the site darkens for text and lines.
 */
import { contrast, PAPER, readableOnPaper } from '../../domain/brand.ts';
import { isStale } from '../../domain/statistics.ts';
import { msg } from '../messages.ts';
import type { KimData, NetworkConfig, PlaceData } from '../schemas/index.ts';
import type { Report } from './report.ts';
import type { Entry, EntryFacts } from './types.ts';

const AA = 4.5;
const DAY = 24 * 60 * 60 * 1000;

export function checkAdvice({ config, kim, places, now, report }: {
  config: NetworkConfig;
  kim: readonly Entry<KimData, EntryFacts>[];
  places: readonly Entry<PlaceData, EntryFacts>[];
  now: Date;
  report: Report;
}): void {
  const { staleDays } = config.statistics;
  for (const place of places) {
    const { verified } = place.data;
    if (verified && isStale(verified, now, staleDays)) report.warn(place.displayPath, 'verified', msg.placeStale(Math.floor((now.getTime() - verified.getTime()) / DAY), staleDays));
  }
  for (const entry of kim) {
    const { color } = entry.data;
    if (!color) continue;
    const ratio = contrast(color, PAPER);
    if (ratio < AA) report.warn(entry.displayPath, 'color', msg.colorAdjusted(color, readableOnPaper(color), ratio.toFixed(2).replace('.', ',')));
  }
}
