/** Other modules contribute readiness checks (e.g. Redis) through this token. */
export const READINESS_PROBES = Symbol('READINESS_PROBES');
export interface ReadinessProbe {
  name: string;
  check(): Promise<void>;
}
