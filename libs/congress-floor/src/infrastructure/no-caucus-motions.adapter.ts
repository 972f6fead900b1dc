import { Injectable } from '@nestjs/common';
import { CaucusMotions } from '../application/ports/caucus-motions.port';

/** Until the caucuses context is bound: nobody may act for a caucus, so a caucus motion is refused. */
@Injectable()
export class NoCaucusMotions extends CaucusMotions {
  async mayActFor(): Promise<boolean> {
    return false;
  }
}
