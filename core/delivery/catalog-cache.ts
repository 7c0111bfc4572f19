import { HeraldError } from '../errors/herald-error';
import type { InstallerPort } from '../ports/installer';
import type { Clock } from '../shared/clock';

/** Refreshed hourly: the catalog id only changes when the app is re-published under a new id. */
const TTL_MS = 60 * 60_000;

/** The catalog id of Herald's app (`externalId` = manifest id), looked up once and cached. */
export class CatalogCache {
  private cached: { id: string; at: number } | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(
    private readonly installer: InstallerPort,
    private readonly externalId: string,
    private readonly clock: Clock,
  ) {}

  /** Throws `app_not_in_catalog` when the catalog does not list the app (yet). */
  async id(): Promise<string> {
    if (this.cached && this.clock.now() - this.cached.at < TTL_MS) return this.cached.id;
    this.inFlight ??= this.lookUp().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** Forget the id (the catalog said it does not know it any more). */
  invalidate(): void {
    this.cached = undefined;
  }

  private async lookUp(): Promise<string> {
    const app = await this.installer.findCatalogApp(this.externalId);
    if (!app) {
      throw new HeraldError(
        'app_not_in_catalog',
        `Herald (manifest id ${this.externalId}) is not in the Teams app catalog. Publish it to the organisation's catalog; a newly published app can take hours to appear.`,
        { retryable: true },
      );
    }
    this.cached = { id: app.id, at: this.clock.now() };
    return app.id;
  }
}
