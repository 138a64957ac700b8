/**
 * What the gate learned from each entry file's bytes, kept between runs: a file whose bytes are
 * the same as last time is not parsed or checked against its schema again, and not even read when
 * git vouches for them (format/git-blobs.ts). A national network's planning step reads 390,000
 * files in 35 to 70 s on a 2-core machine; with the cache, one new story costs the files it changed.
 *
 * What is kept is only what the bytes alone decide (FileFacts, validation/types.ts), under the
 * blob id of the very bytes it was computed from and the file's path (its messages name the file,
 * and the cache's key names the folder and the place paths are shown from).
 * Everything else is checked on every run: the photos as they are on disk, dates against the
 * build's clock, references across files, locations, advice. The whole cache belongs to one
 * version of the code, the region data and Node (`key`); any other version starts empty.
 *
 * Only the planning step of a sharded build uses it (scripts/build-sharded.ts): each shard's own
 * build reads and checks its files again before anything is published.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileFacts } from './validation/types.ts';

const VERSION = 1;

interface Stored {
  version: number;
  key: string;
  facts: Map<string, FileFacts>;
}

const entryKey = (blob: string, relative: string) => `${blob}\0${relative}`;

export class GateCache {
  readonly file: string;
  readonly key: string;
  readonly #known: ReadonlyMap<string, FileFacts>;
  /** What this run used or learned: all the next run can need, so files gone from the content are dropped. */
  readonly #kept = new Map<string, FileFacts>();
  #learned = 0;

  private constructor(file: string, key: string, known: ReadonlyMap<string, FileFacts>) {
    this.file = file;
    this.key = key;
    this.#known = known;
  }

  /**
   * The cache in `file` for `key`, which must name the code version and where paths are shown
   * from (the content folder and the working folder); empty when there is none, or it is another
   * version's or unreadable.
   */
  static open(file: string, key: string): GateCache {
    let known = new Map<string, FileFacts>();
    try {
      const stored = deserialize(readFileSync(file)) as Partial<Stored>;
      if (stored.version === VERSION && stored.key === key && stored.facts instanceof Map) known = stored.facts;
    } catch {
      // Missing, cut short or written by another Node: the gate reads every file, as without a cache.
    }
    return new GateCache(file, key, known);
  }

  /** Facts remembered for the file at `relative` with the blob id `blob`. */
  recall(blob: string, relative: string): FileFacts | undefined {
    const key = entryKey(blob, relative);
    const facts = this.#known.get(key);
    if (facts) this.#kept.set(key, facts);
    return facts;
  }

  /** Keeps the facts read from a file whose bytes have the blob id `blob`. */
  learn(blob: string, relative: string, facts: FileFacts): void {
    this.#kept.set(entryKey(blob, relative), facts);
    this.#learned++;
  }

  /** Files whose facts were recalled and read in this run. */
  get counts(): { recalled: number; learned: number } {
    return { recalled: this.#kept.size - this.#learned, learned: this.#learned };
  }

  /**
   * Writes what this run used and learned, whole, then renames it into place, once it differs
   * from what was there by more than `slack` of its files. A national cache is over 400 MB and
   * takes 10 s or more to write: a run that learned one new story leaves it as it is and reads
   * that file again next time, which costs a millisecond.
   */
  save({ slack = 0.01 }: { slack?: number } = {}): void {
    const dropped = this.#known.size - (this.#kept.size - this.#learned);
    const changed = this.#learned + dropped;
    if (changed === 0 || changed < slack * this.#kept.size) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}`;
    writeFileSync(temporary, serialize({ version: VERSION, key: this.key, facts: this.#kept } satisfies Stored));
    renameSync(temporary, this.file);
  }
}
