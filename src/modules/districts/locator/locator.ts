import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../platform/db/database.js';
import { warsawToday } from '../../../platform/i18n/calendar.js';
import { loadRegister } from './load-register.js';
import { registerVersion } from './register-repository.js';
import type { Register } from './register.js';

/**
 * Keeps the in-memory register fresh. Changes made through this process refresh it at once;
 * changes made by other instances on the same database are noticed within `pollMs` through the
 * register_version counter; a new day (assignments end and start) rebuilds it too.
 */
export class Locator {
  private register: Register | null = null;
  private building: Promise<Register> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private builtAt: number | null = null;
  private checkedAt: number | null = null;

  constructor(
    private readonly db: Db,
    private readonly log?: FastifyBaseLogger,
    private readonly pollMs = 5000,
  ) {}

  /** The current snapshot, building it on first use. */
  async current(): Promise<Register> {
    return this.register ?? this.rebuild();
  }

  /** Rebuilds now; concurrent callers share one rebuild. */
  async rebuild(): Promise<Register> {
    this.building ??= (async () => {
      const started = performance.now();
      try {
        const register = await loadRegister(this.db, warsawToday());
        this.register = register;
        this.builtAt = this.checkedAt = Date.now();
        this.log?.info({ districts: register.districtCount, ms: Math.round(performance.now() - started) }, 'register loaded');
        return register;
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }

  /** Rebuilds when another instance changed the register or the day changed. */
  async refreshIfStale(): Promise<void> {
    const register = this.register;
    if (!register) return;
    const version = await registerVersion(this.db);
    if (version !== register.version || warsawToday() !== register.day) await this.rebuild();
    else this.checkedAt = Date.now();
  }

  /** Whether it answers yet, when it was built, and when it was last known current (for readiness and /metrics). */
  state(): { ready: boolean; builtAt: number | null; checkedAt: number | null } {
    return { ready: this.register !== null, builtAt: this.builtAt, checkedAt: this.checkedAt };
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.refreshIfStale().catch((error: unknown) => this.log?.warn({ err: error }, 'register refresh failed'));
    }, this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
