/**
 * Every page carries its Content-Security-Policy in a `<meta>` element, because GitHub Pages
 * sends no `_headers`: there, a page without it runs whatever script a contributor managed to
 * slip in. The check reads every built page, not only the home page.
 */
import type { CheerioAPI } from 'cheerio';
import { runPageCheck, type PageCheck } from './pages.ts';
import type { SiteProblem } from './types.ts';
import { isAdminFile } from '../../domain/urls.ts';

/** Directives a page's policy must hold exactly, and the only sources scripts may come from. */
const REQUIRED: Record<string, string> = { 'default-src': "'self'", 'object-src': "'none'", 'base-uri': "'self'" };
const SCRIPT_SOURCES = new Set(["'self'", "'wasm-unsafe-eval'"]);

/**
 * Why a policy is not safe enough, in Indonesian, or undefined when it is. The web CMS is a
 * Svelte application that sets styles on its elements, so its page alone may allow inline styles;
 * its scripts are held to the same rule as every page's.
 */
function policyProblem(policy: string, { inlineStyles = false } = {}): string | undefined {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values] as const),
  );
  for (const [name, value] of Object.entries(REQUIRED)) {
    if (directives.get(name)?.join(' ') !== value) return `kebijakan keamanan (CSP) harus berisi "${name} ${value}".`;
  }
  const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
  const unsafe = scripts.filter((source) => !SCRIPT_SOURCES.has(source));
  if (unsafe.length > 0) return `kebijakan keamanan (CSP) mengizinkan skrip dari ${unsafe.join(', ')}; hanya skrip situs sendiri yang boleh.`;
  if (!inlineStyles && (directives.get('style-src') ?? []).includes("'unsafe-inline'")) return "kebijakan keamanan (CSP) tidak boleh mengizinkan gaya 'unsafe-inline'.";
  return undefined;
}

/** One problem per page whose `<meta>` policy is missing, unsafe, or different from the other pages'. */
export function checkPagePolicies(distDir: string): SiteProblem[] {
  return runPageCheck(distDir, policyCheck());
}

/** The policy check as one of the checks sharing a read of every page (pages.ts). */
export function policyCheck(): PageCheck<SiteProblem[]> {
  const problems: SiteProblem[] = [];
  const policies = new Map<string, string[]>();
  const visit = (page: string, _html: string, $: CheerioAPI) => {
    const metas = $('meta[http-equiv]').filter((_, el) => ($(el).attr('http-equiv') ?? '').toLowerCase() === 'content-security-policy');
    const policy = metas.first().attr('content');
    if (metas.length !== 1 || !policy) {
      problems.push({ file: page, check: 'csp', message: 'halaman tidak membawa tepat satu <meta http-equiv="Content-Security-Policy">: di GitHub Pages halaman ini tanpa perlindungan.' });
      return;
    }
    const admin = isAdminFile(page);
    const problem = policyProblem(policy, { inlineStyles: admin });
    if (problem) problems.push({ file: page, check: 'csp', message: problem });
    // The CMS has its own policy (it talks to the git service's API); readers' pages share one.
    if (!admin) policies.set(policy, [...(policies.get(policy) ?? []), page]);
  };
  const finish = () => {
    // One policy for the whole site: a page with its own is a page someone changed by hand.
    if (policies.size > 1) {
      const [common] = [...policies].sort((a, b) => b[1].length - a[1].length)[0]!;
      for (const [policy, pages] of policies) {
        if (policy === common) continue;
        for (const page of pages) problems.push({ file: page, check: 'csp', message: 'kebijakan keamanan (CSP) halaman ini berbeda dari halaman lain situs.' });
      }
    }
    return problems;
  };
  return { page: visit, finish };
}
