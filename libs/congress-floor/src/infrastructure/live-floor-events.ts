import { Injectable } from '@nestjs/common';
import { FloorEvents, type FloorEvent } from '../application/ports/floor-events.port';

/** Placeholder: floor events go nowhere until the live-updates facility is wired. */
@Injectable()
export class LiveFloorEvents extends FloorEvents {
  publish(_congressId: string, _e: FloorEvent): void {}
}
