import { Module } from '@nestjs/common';
import { BulletinController } from './api/bulletin/bulletin.controller';
import { BulletinNotices } from './application/bulletin/bulletin-notices.port';
import { BulletinRepository } from './application/bulletin/bulletin.repository';
import { BulletinUseCase } from './application/bulletin/bulletin.use-case';
import { BulletinSqlRepository } from './infrastructure/bulletin/bulletin.sql-repository';
import { OutboxBulletinNotices } from './infrastructure/bulletin/outbox-bulletin-notices';
import { CompositesController } from './api/composites.controller';
import { FloorController } from './api/floor.controller';
import { FloorVotesController } from './api/floor-votes.controller';
import { MotionsController } from './api/motions.controller';
import { SpeakersController } from './api/speakers.controller';
import { FloorAudit } from './application/floor-audit';
import { FloorEvents } from './application/ports/floor-events.port';
import { FloorRepository } from './application/ports/floor.repository';
import { FloorTransactions } from './application/ports/floor-transactions.port';
import { AmendmentsUseCase } from './application/use-cases/amendments.use-case';
import { CompositesUseCase } from './application/use-cases/composites.use-case';
import { FloorUseCase } from './application/use-cases/floor.use-case';
import { MinutesUseCase } from './application/use-cases/minutes.use-case';
import { MotionsUseCase } from './application/use-cases/motions.use-case';
import { SpeakersUseCase } from './application/use-cases/speakers.use-case';
import { VotesUseCase } from './application/use-cases/votes.use-case';
import { FloorDb } from './infrastructure/floor-db';
import { FloorSqlRepository } from './infrastructure/floor.sql-repository';
import { LiveFloorEvents } from './infrastructure/live-floor-events';

/**
 * The congress floor. Needs from the composing app (bound in apps/api/src/composition.ts):
 * `AccreditedDelegates` (elections' facade), `CaucusMotions` (the caucuses context's yes/no check,
 * asked outside the floor's transaction), `RestrictionsPort` (kernel), `AuditLog`, `Clock`, the database.
 */
@Module({
  controllers: [FloorController, MotionsController, FloorVotesController, SpeakersController, CompositesController, BulletinController],
  providers: [
    { provide: FloorTransactions, useClass: FloorDb },
    { provide: FloorRepository, useClass: FloorSqlRepository },
    { provide: FloorEvents, useClass: LiveFloorEvents },
    FloorAudit,
    FloorUseCase,
    MotionsUseCase,
    AmendmentsUseCase,
    VotesUseCase,
    SpeakersUseCase,
    MinutesUseCase,
    { provide: BulletinRepository, useClass: BulletinSqlRepository },
    { provide: BulletinNotices, useClass: OutboxBulletinNotices },
    BulletinUseCase,
    CompositesUseCase,
  ],
})
export class CongressFloorModule {}
