import type { SanctionKind } from '@org/kernel';
import type { Sanction } from './finding/sanction.value-object';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * The sanctions the findings impose are exactly the kernel's `SANCTION_KINDS` (the list
 * notifications words outcome notices from): this stops the build if either list changes alone.
 */
export const SANCTIONS_ARE_KERNEL_KINDS: Same<Sanction['kind'], SanctionKind> = true;
