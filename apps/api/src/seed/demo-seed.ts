import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@org/platform';

export interface DemoAccount {
  email: string;
  password: string;
  role: string;
  memberId: string | null;
  branchId: string | null;
}

export async function seedDemoIfEmpty(app: INestApplication, config: AppConfig): Promise<{ created: boolean; file: string; accounts: DemoAccount[] } | null> {
  void app;
  void config;
  return null;
}
