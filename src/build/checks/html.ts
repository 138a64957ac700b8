/**
 * Validates the built HTML with html-validate. Runs on `dist/` rather than on components
 * because only the built page shows what a reader's browser (and a screen reader) gets: the
 * layout, the components and the contributor's Markdown together.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, type ConfigData, type Message } from 'html-validate';
import { MAX_TITLE_LENGTH } from '../../format/schemas/common.ts';
import type { SiteProblem } from './types.ts';
import { listFiles } from '../../format/files.ts';

/**
 * The recommended preset. A rule may only be changed here with a comment saying why.
 */
const CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Headlines are written by contributors and may run to MAX_TITLE_LENGTH characters (the
    // schema refuses longer ones); search engines shorten what they show, tabs and screen
    // readers should get the whole headline.
    'long-title': ['error', { maxlength: MAX_TITLE_LENGTH }],
  },
};

/** Longest piece of source quoted in a report; built pages are one long minified line. */
const SNIPPET_LENGTH = 100;

/** Every `.html` file under `distDir`, relative and with `/` separators, as reports show them. */
export function listHtmlFiles(distDir: string): string[] {
  return listFiles(distDir)
    .filter((file) => file.endsWith('.html'))
    .sort();
}

/**
 * The offending source from the start of its tag, because line and column mean little on a
 * minified one-line page.
 */
function snippet(source: string, { offset }: Message): string {
  const tag = source.lastIndexOf('<', offset);
  let start = tag >= 0 && offset - tag <= SNIPPET_LENGTH ? tag : offset;
  // An end tag alone says little ("</title>"); show the element it closes instead.
  if (tag > 0 && source.startsWith('</', tag)) start = Math.max(0, source.lastIndexOf('<', tag - 1));
  const text = source.slice(start, start + SNIPPET_LENGTH + 1).replace(/\s+/g, ' ');
  return text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH)}…` : text;
}

/**
 * Every HTML error in the built site, one problem per message. html-validate's own message is
 * kept in English (it names the element and attribute precisely); the rule id lets the reader
 * look it up at html-validate.org.
 */
export async function validateHtml(distDir: string): Promise<SiteProblem[]> {
  const validator = new HtmlValidate(CONFIG);
  const problems: SiteProblem[] = [];
  for (const file of listHtmlFiles(distDir)) {
    const source = readFileSync(path.join(distDir, file), 'utf8');
    const report = await validator.validateString(source, file);
    for (const message of report.results.flatMap((result) => result.messages)) {
      problems.push({
        file,
        check: 'html',
        message: `aturan ${message.ruleId}: ${message.message} (baris ${message.line}, kolom ${message.column}: «${snippet(source, message)}»)`,
      });
    }
  }
  return problems;
}
