/**
 * Photos, wherever a contributor names them (a frontmatter field or the body), get the same
 * checks and the same messages: inside the content folder, a regular file, a photo format the
 * pipeline can read, within the size limits, and a warning when it records where it was taken.
 */
import { imageSizeProblem } from '../../domain/images.ts';
import type { BodyReport } from '../body.ts';
import { msg } from '../messages.ts';
import { PHOTO_EXTENSION, resolveContentPath } from '../paths.ts';
import type { Report } from './report.ts';
import type { PathFacts, Readable } from './types.ts';

/** Why a photo at a content-relative path cannot be published, or undefined when it can. */
function photoProblem(facts: PathFacts, written: string): string | undefined {
  if (facts.type === 'missing') return msg.imageMissing(written);
  if (facts.type === 'directory') return msg.imageFolder(written);
  if (facts.type !== 'file') return msg.imageLink(written);
  if (facts.image?.format === 'svg') return msg.imageSvg(written);
  // No image at all, or one the pipeline cannot read: named by what the file claims to be.
  if (!facts.image?.readable) return PHOTO_EXTENSION.test(written) ? msg.imageUnreadable(written) : msg.imageFormat(written);
  return imageSizeProblem({ ...facts.image, height: facts.image.height * facts.image.pages, bytes: facts.bytes });
}

/** Where in the file a photo is named: a frontmatter field, or a line of the body. */
type Where = { field: string | null; line?: number | undefined };

export class PhotoChecker {
  /** Content-relative paths of the photos a warning has already named, so none is named twice. */
  readonly gpsWarned = new Set<string>();

  private readonly fileAt: (relative: string) => PathFacts;
  private readonly report: Report;

  constructor(fileAt: (relative: string) => PathFacts, report: Report) {
    this.fileAt = fileAt;
    this.report = report;
  }

  /**
   * Checks one photo an entry names; a good one joins the entry's `images`. Returns false when
   * the photo cannot be published.
   */
  check(entry: Readable, written: string, where: Where, options: { requireDotSlash?: boolean } = {}): boolean {
    const { displayPath } = entry.file;
    const resolved = resolveContentPath(entry.file.path, written, options);
    let problem: string | undefined;
    if (!resolved.ok) {
      problem = { scheme: msg.imagePath, absolute: msg.imagePath, characters: msg.imageQuery(written), outside: msg.imageOutside(written), bare: msg.bodyImageRelative(written) }[resolved.reason];
    } else {
      const facts = this.fileAt(resolved.path);
      problem = photoProblem(facts, written);
      if (!problem && !PHOTO_EXTENSION.test(resolved.path)) problem = msg.imageFormat(written);
      if (!problem) {
        entry.images.push(resolved.path);
        if (facts.type === 'file' && facts.image?.gps) {
          this.report.warn(displayPath, where.field, msg.imageGps(written), where.line);
          this.gpsWarned.add(resolved.path);
        }
      }
    }
    if (problem) this.report.fail(displayPath, where.field, problem, where.line);
    return !problem;
  }

  /** Checks the photos of an entry's body; false when one of them, or the way it is written, fails. */
  checkBody(entry: Readable, body: BodyReport): boolean {
    const { displayPath } = entry.file;
    let ok = true;
    for (const line of body.imageReferences) {
      this.report.fail(displayPath, null, msg.bodyImageReference, line);
      ok = false;
    }
    for (const image of body.images) {
      // Astro decodes the address before it imports the file; so does the gate.
      let written: string;
      try {
        written = decodeURI(image.url);
      } catch {
        this.report.fail(displayPath, null, msg.bodyImageUrl(image.url), image.line);
        ok = false;
        continue;
      }
      if (/^https?:/i.test(written)) {
        this.report.fail(displayPath, null, msg.bodyImageRemote(written), image.line);
        ok = false;
        continue;
      }
      if (!image.alt.trim()) {
        this.report.fail(displayPath, null, msg.bodyImageAlt(written), image.line);
        ok = false;
      }
      ok = this.check(entry, written, { field: null, line: image.line }, { requireDotSlash: true }) && ok;
    }
    return ok;
  }
}
