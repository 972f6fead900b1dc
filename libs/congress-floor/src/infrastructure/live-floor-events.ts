import { Injectable } from '@nestjs/common';
import { LiveUpdates } from '@org/platform';
import { FloorEvents, type FloorEvent } from '../application/ports/floor-events.port';

const channel = (congressId: string) => `congress-floor:${congressId}`;

/** Floor events over the platform's live updates (Redis pub/sub across API processes when REDIS_URL is set). */
@Injectable()
export class LiveFloorEvents extends FloorEvents {
  constructor(private readonly live: LiveUpdates) {
    super();
  }

  publish(congressId: string, e: FloorEvent): void {
    this.live.publish(channel(congressId), e);
  }

  async follow(congressId: string, listener: (e: FloorEvent) => void): Promise<() => void> {
    const stop = this.live.subscribe(channel(congressId), (data) => listener(data as FloorEvent));
    try {
      await this.live.inEffect();
    } catch (e) {
      stop();
      throw e;
    }
    return stop;
  }
}
