import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, type Observable, throwError } from 'rxjs';
import { isDomainError } from '@org/kernel';

/**
 * Adds `Retry-After` (seconds) to a rate-limited answer: any domain error of kind `rate_limited`
 * whose details carry `retryAfterSeconds`. The error itself is then answered by the context's
 * error filter, in the platform's error shape. Applied to every route (global interceptor).
 */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((e: unknown) => {
        if (isDomainError(e) && e.kind === 'rate_limited') {
          const seconds = Number((e.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds);
          if (Number.isFinite(seconds) && seconds > 0 && ctx.getType() === 'http') void ctx.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(Math.ceil(seconds)));
        }
        return throwError(() => e);
      }),
    );
  }
}
