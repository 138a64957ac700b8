/**
 * What a shard's build leaves beside its pages, in a folder of its output the merge never
 * publishes (`.jembatan-shard/`): which build it was, every file it wrote with its size, and its
 * record for the search router. The merge reads these instead of walking a million files: it
 * knows from the build ids which shards changed since the last merge, from the file lists which
 * paths to link or remove, and from the router records how to write the router without reading
 * the shards' indexes again. They travel wherever the output does: into the shard cache, and
 * between CI jobs as part of the shard's artifact.
 */
import { randomUUID } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listEntries } from '../../format/files.ts';

/** The folder of a shard's output that holds what the merge reads about it. */
export const SHARD_META_DIR = '.jembatan-shard';
const IDENTITY_FILE = `${SHARD_META_DIR}/shard.json`;
const FILES_FILE = `${SHARD_META_DIR}/files.json`;
const ROUTER_RECORD_FILE = `${SHARD_META_DIR}/router.json`;

/** A file of a shard's output: its path inside the output (with `/`) and its size in bytes. */
export type ListedFile = readonly [path: string, bytes: number];

/** Which build of which shard an output is. */
export interface ShardIdentity {
  version: 1;
  shard: string;
  /** Unique per build: a shard restored from the cache keeps the id it was built with. */
  build: string;
  /** The shard's cache key, when the build computed one. */
  key: string | null;
}

/** A shard's router record: its words, weighted (domain/search/router.ts), in its index's language. */
export interface RouterRecord {
  language: string;
  content: string;
}

/** Writes a file whole under a temporary name, then renames it into place. */
function writeWhole(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Every file of an output but its own description, with sizes, in the order of `listEntries`. */
function listOutput(dist: string): ListedFile[] {
  const files: ListedFile[] = [];
  for (const entry of listEntries(dist)) {
    if (entry.path === SHARD_META_DIR || entry.path.startsWith(`${SHARD_META_DIR}/`)) continue;
    if (entry.kind === 'folder') continue;
    // A shard's build writes regular files only; the cache refuses anything else when it stores them.
    if (entry.kind !== 'file') throw new Error(`${path.join(dist, entry.path)} bukan berkas biasa`);
    files.push([entry.path, lstatSync(path.join(dist, ...entry.path.split('/'))).size]);
  }
  return files;
}

/** Describes a finished shard output: a new build id and the list of its files. */
export function describeOutput(dist: string, shard: string, key: string | null): ShardIdentity {
  const files = listOutput(dist);
  const identity: ShardIdentity = { version: 1, shard, build: randomUUID(), key };
  writeWhole(path.join(dist, FILES_FILE), JSON.stringify(files));
  // Written last: an output with an identity has its file list.
  writeWhole(path.join(dist, IDENTITY_FILE), `${JSON.stringify(identity)}\n`);
  return identity;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The identity of an output, or undefined for one made without it (then the merge lists it itself). */
export function readIdentity(dist: string): ShardIdentity | undefined {
  const value = readJson(path.join(dist, IDENTITY_FILE)) as Partial<ShardIdentity> | undefined;
  return value?.version === 1 && typeof value.build === 'string' && typeof value.shard === 'string' ? (value as ShardIdentity) : undefined;
}

/** The files of an output: from its list when it has one, otherwise walked. */
export function readListing(dist: string): ListedFile[] {
  const listed = readIdentity(dist) ? readJson(path.join(dist, FILES_FILE)) : undefined;
  return Array.isArray(listed) ? (listed as ListedFile[]) : listOutput(dist);
}

/** Writes a shard's router record into its output. */
export function writeRouterRecord(dist: string, record: RouterRecord): void {
  writeWhole(path.join(dist, ROUTER_RECORD_FILE), JSON.stringify(record));
}

/** A shard's router record, if its build wrote one. */
export function readRouterRecord(dist: string): RouterRecord | undefined {
  const value = readJson(path.join(dist, ROUTER_RECORD_FILE)) as Partial<RouterRecord> | undefined;
  return typeof value?.language === 'string' && typeof value.content === 'string' ? (value as RouterRecord) : undefined;
}
