import helmet from 'helmet';

/**
 * Browser features the interface never uses, switched off for it and for anything injected into
 * it (`Permissions-Policy`).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'interest-cohort=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/**
 * The HTTP security headers of every response (helmet's defaults with the interface's content
 * security policy), computed once at start-up: they do not depend on the request, and building
 * them per request (as helmet's per-request middleware does) cost about a tenth of a health
 * check's CPU time.
 *
 * Scripts come only from the platform's own files (`script-src 'self'`, no inline script: the
 * built interface's `index.html` loads one module file, and the API documentation page loads its
 * scripts as files too); no plugins, no framing by other sites, forms post only to the platform.
 * Inline styles stay allowed (the interface sets `style` attributes). `Permissions-Policy` turns
 * off camera, microphone, geolocation and the other device features.
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
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        connectSrc: ["'self'"],
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
  headers['permissions-policy'] = PERMISSIONS_POLICY;
  return Object.freeze(headers);
}
