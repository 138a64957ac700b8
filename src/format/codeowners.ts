/**
 * `.github/CODEOWNERS` from the content: the network's editors own everything, and each KIM's
 * reviewers also own that KIM's profile and its folders of stories and places (the gate holds an
 * entry there to that KIM). With "Require review from Code Owners" on the main branch, a KIM
 * approves its own stories and the editors can approve any. GitLab reads the same file.
 */
import { COLLECTIONS } from './schemas/index.ts';

export interface Owners {
  /** The content folder as a path in the repository (`content`). */
  contentFolder: string;
  /** The network's editors (`network.yaml` → `cms.editors`). */
  editors: readonly string[];
  kims: readonly { id: string; reviewers: readonly string[] }[];
}

/** Where CODEOWNERS lives; GitHub and GitLab both read it there. */
export const CODEOWNERS_PATH = '.github/CODEOWNERS';

export function codeowners({ contentFolder, editors, kims }: Owners): string {
  const lines = [
    '# Dibuat oleh `npm run codeowners` dari network.yaml (cms.editors) dan kolom reviewers setiap KIM;',
    '# jangan diubah dengan tangan: pemeriksaan pull request menolak berkas yang tidak sama.',
    '# Generated from the content by `npm run codeowners`; do not edit by hand.',
  ];
  const rows: [pattern: string, owners: readonly string[]][] = [];
  if (editors.length > 0) rows.push(['*', editors]);
  // The last matching line wins, so a KIM's lines name the editors too.
  for (const { id, reviewers } of [...kims].sort((a, b) => a.id.localeCompare(b.id))) {
    if (reviewers.length === 0) continue;
    const owners = [...new Set([...editors, ...reviewers])];
    rows.push([`/${contentFolder}/${COLLECTIONS.kim.folder}/${id}.md`, owners]);
    rows.push([`/${contentFolder}/${COLLECTIONS.stories.folder}/${id}/`, owners]);
    rows.push([`/${contentFolder}/${COLLECTIONS.places.folder}/${id}/`, owners]);
  }
  const width = Math.max(0, ...rows.map(([pattern]) => pattern.length));
  return `${[...lines, '', ...rows.map(([pattern, owners]) => `${pattern.padEnd(width)} ${owners.join(' ')}`)].join('\n')}\n`;
}

/** The rules of a CODEOWNERS text: owners by pattern. */
function rules(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [pattern, ...owners] = line.trim().split(/\s+/);
    if (pattern && !pattern.startsWith('#')) found.set(pattern, owners.join(' '));
  }
  return found;
}

/**
 * Whose ownership differs between the CODEOWNERS in the repository (`current`, null when there is
 * none) and the one the content asks for: the editors' (`network.yaml`), and the KIM whose
 * reviewers changed, by id. What a pull request's check points the contributor at.
 */
export function ownershipChanges(current: string | null, wanted: string): { editors: boolean; kims: string[] } {
  const before = rules(current ?? '');
  const after = rules(wanted);
  // Every KIM's rules name the editors too: when they changed, that is the one change to name.
  if (before.get('*') !== after.get('*')) return { editors: true, kims: [] };
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((pattern) => before.get(pattern) !== after.get(pattern));
  // A KIM's three rules (profile, stories, places) all name it.
  const kims = changed.map((pattern) => /^\/[^/]+\/[^/]+\/([^/]+?)(?:\.md)?\/?$/.exec(pattern)?.[1]).filter((id): id is string => id !== undefined);
  return { editors: false, kims: [...new Set(kims)].sort() };
}
