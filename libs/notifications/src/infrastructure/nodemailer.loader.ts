import type * as Nodemailer from 'nodemailer';

/**
 * nodemailer, loaded when a transport first needs it rather than when the platform starts: a
 * start that sends no mail does not pay for loading it (≈ 80 ms of a warm embedded start).
 */
export function loadNodemailer(): typeof Nodemailer {
  return require('nodemailer') as typeof Nodemailer;
}
