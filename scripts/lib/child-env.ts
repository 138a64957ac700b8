/**
 * The environment for a child `astro build`. Vitest (and Vite) export their own settings
 * (BASE_URL, MODE, NODE_ENV=test, …) to the environment; a build that inherited them would
 * build with the test runner's settings instead of its own.
 */
const RUNNER_ENV = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/;

export function cleanEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && !RUNNER_ENV.test(k))) as Record<string, string>;
}
