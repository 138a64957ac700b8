/**
 * Which files of a content folder git vouches for: tracked, unchanged since git last recorded them,
 * and stored in the repository exactly as they are on disk. For each, git's blob id names its
 * bytes without the file being read, which is what lets the gate cache (format/gate-cache.ts) skip
 * reading 390,000 unchanged entries of a national network on a fresh CI checkout, where a cache
 * keyed by modification times would miss every file.
 *
 * git is asked, never trusted further than it vouches: a file it does not list as clean, or whose
 * bytes a conversion may change between the repository and the disk (line endings, a
 * working-tree encoding, a filter), is left out, and the gate reads it. Without git, or outside a
 * repository, nothing is vouched for.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';

export type BlobAlgorithm = 'sha1' | 'sha256';

export interface VouchedBlobs {
  /** The repository's object format, by which a file's own bytes give its blob id. */
  algorithm: BlobAlgorithm;
  /** Blob ids by path relative to the content folder (`/` separators). */
  blobs: ReadonlyMap<string, string>;
}

/** Attributes under which git may store a file other than as it is on disk. */
const CONVERTING_ATTRIBUTES = ['text', 'crlf', 'eol', 'working-tree-encoding', 'filter', 'ident'];

/** Runs git in `cwd`; its output, or null when git is missing or fails. */
function git(cwd: string, args: string[], input?: Buffer): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const child = execFile(
      'git',
      args,
      // Reading only: never refresh the index (a concurrent git command would find it locked).
      { cwd, encoding: 'buffer', maxBuffer: 2 ** 31 - 1, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } },
      (error, stdout) => resolve(error ? null : stdout),
    );
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
  });
}

const fields = (output: Buffer) => output.toString('utf8').split('\0').slice(0, -1);

/** Which version of the index file is at `file`: git replaces it whole (a new file renamed over it) on every write. */
function indexVersion(file: string): string {
  const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
  return stat ? [stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join(':') : 'none';
}

/**
 * The files under `contentDir` git vouches for, with their blob ids; null when `contentDir` is not
 * in a git work tree, or git converts line endings for every file (`core.autocrlf`).
 */
export async function vouchedBlobs(contentDir: string): Promise<VouchedBlobs | null> {
  const indexFile = (await git(contentDir, ['rev-parse', '--path-format=absolute', '--git-path', 'index']))?.toString().trim();
  if (!indexFile) return null;
  const before = indexVersion(indexFile);
  // "-v" tags each entry: "H" is a plain tracked file; lower case (assume-unchanged) and "S"
  // (skip-worktree) are files git has been told not to look at, which it cannot vouch for. The
  // changed files are those whose stat differs from what git recorded, or their content when the
  // stat cannot tell. The three questions are independent: git answers them side by side.
  const [config, listed, changed] = await Promise.all([
    git(contentDir, ['config', '--get', 'core.autocrlf']),
    git(contentDir, ['ls-files', '-s', '-v', '-z']),
    // Not by ctime: a sharded build hard-links content files into its shards' folders, which
    // changes their ctime but never their bytes, and would have every file read again next time.
    git(contentDir, ['-c', 'core.trustctime=false', 'diff-files', '--name-only', '-z', '--relative']),
  ]);
  // Two answers about one index: had a git command run alongside rewritten it (a checkout, a
  // reset), the blob listed for a file and the word that it is unchanged could be about two
  // different versions of it, and an old file's facts would be taken for a new one's.
  if (indexVersion(indexFile) !== before) return null;
  const autocrlf = config?.toString().trim().toLowerCase();
  // Anything but off: git reads `true`, `yes`, `on`, `1` and `input` as converting line endings.
  if ((autocrlf !== undefined && !['false', 'no', 'off', '0', ''].includes(autocrlf)) || !listed || !changed) return null;
  const blobs = new Map<string, string>();
  let algorithm: BlobAlgorithm = 'sha1';
  for (const line of fields(listed)) {
    const match = /^H (100644|100755) ([0-9a-f]{40}|[0-9a-f]{64}) 0\t(.+)$/s.exec(line);
    if (!match) continue;
    blobs.set(match[3]!, match[2]!);
    if (match[2]!.length === 64) algorithm = 'sha256';
  }
  for (const file of fields(changed)) blobs.delete(file);
  if (blobs.size === 0) return { algorithm, blobs };
  const attributes = await git(contentDir, ['check-attr', '--stdin', '-z', ...CONVERTING_ATTRIBUTES], Buffer.from([...blobs.keys()].map((file) => `${file}\0`).join('')));
  if (!attributes) return null;
  const answers = fields(attributes);
  for (let i = 0; i + 2 < answers.length; i += 3) if (answers[i + 2] !== 'unspecified') blobs.delete(answers[i]!);
  return { algorithm, blobs };
}

/** The blob id git gives these bytes. */
export function blobId(bytes: Uint8Array, algorithm: BlobAlgorithm): string {
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
