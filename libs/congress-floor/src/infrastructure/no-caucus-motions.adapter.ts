import { Injectable } from '@nestjs/common';
import { CaucusMotions } from '../application/ports/caucus-motions.port';

/** Nobody may act for a caucus, so a caucus motion is refused (for a deployment or test without the caucuses context). */
@Injectable()
export class NoCaucusMotions extends CaucusMotions {
  async mayActFor(): Promise<boolean> {
    return false;
  }
}
