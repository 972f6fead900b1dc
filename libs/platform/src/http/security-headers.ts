import helmet from 'helmet';

/**
 * The HTTP security headers of every response (helmet's defaults with the interface's content
 * security policy), computed once at start-up: they do not depend on the request, and building
 * them per request (as helmet's per-request middleware does) cost about a tenth of a health
 * check's CPU time.
 *
 * `upgrade-insecure-requests` is sent only when the platform's public URL is https: on a plain-
 * http install (a test machine on a LAN) it would make the browser ask for every script and
 * stylesheet over https and the interface would not load.
 */
export function securityHeaders(publicUrl: string): Readonly<Record<string, string>> {
  const https = new URL(publicUrl).protocol === 'https:';
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https ? undefined : false,
  });
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  middleware({} as never, recorder as never, () => undefined);
  return Object.freeze(headers);
}
