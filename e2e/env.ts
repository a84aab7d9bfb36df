// The only place the browser journeys read process.env (DESIGN §2: one env reader per program).

/** the pnpm running these tests (pnpm sets npm_execpath), to start the web build and the API with */
export const pnpmCli = (): string | undefined => process.env.npm_execpath;

/** where global-setup builds the SPA (E2E_WEB_DIST lets several checkouts run side by side) */
export const webDistOverride = (): string | undefined => process.env.E2E_WEB_DIST;

/** the API's address, which global-setup learns only once it has started it */
export const baseUrl = (): string | undefined => process.env.E2E_BASE_URL;
export const setBaseUrl = (url: string): void => {
  process.env.E2E_BASE_URL = url;
};

/** the environment for the API child process, without a server database (journeys run on PGlite) */
export function apiEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _server, MIGRATION_DATABASE_URL: _owner, ...env } = process.env;
  return { ...env, ...extra };
}
