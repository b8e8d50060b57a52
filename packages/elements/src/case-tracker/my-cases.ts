import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BanshiApi } from '../base/api.js';
import type { TrackedCase } from './types.js';

/** A page of 我的办件 with the way to the next one. */
interface MyCasesPage {
  items: TrackedCase[];
  hasNextPage(): boolean;
  getNextPage(): Promise<MyCasesPage>;
}

/** How many cases one page of 我的办件 shows. */
export const MY_CASES_PAGE = 10;

/**
 * 我的办件 of the person signed in (`GET /me/cases` with the provider's token): the cases read so far,
 * newest first, and the next page on request. `status` is what the list shows: `loading` the first page,
 * `ready`, `more` while a further page loads, or `failed`.
 */
export class MyCases implements ReactiveController {
  cases: TrackedCase[] = [];
  status: 'idle' | 'loading' | 'ready' | 'more' | 'failed' = 'idle';
  /** Why the last read failed, for the person. */
  failure: unknown;
  private page?: MyCasesPage;
  private reads = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => BanshiApi,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Whether a further page exists. */
  get hasMore(): boolean {
    return !!this.page?.hasNextPage();
  }

  /** Reads the first page again (signed in, or back from one case). */
  async load(): Promise<void> {
    const read = ++this.reads;
    this.set('loading');
    try {
      const page = await this.api().cases.listMine({ limit: MY_CASES_PAGE });
      if (read !== this.reads) return;
      this.page = page;
      this.cases = page.items;
      this.set('ready');
    } catch (error) {
      if (read === this.reads) this.fail(error);
    }
  }

  /** Appends the next page; resolves to the first case it added, to move focus there. */
  async more(): Promise<TrackedCase | undefined> {
    if (!this.page?.hasNextPage() || this.status === 'more') return undefined;
    const read = ++this.reads;
    this.set('more');
    try {
      const page = await this.page.getNextPage();
      if (read !== this.reads) return undefined;
      this.page = page;
      this.cases = [...this.cases, ...page.items];
      this.set('ready');
      return page.items[0];
    } catch (error) {
      if (read === this.reads) this.fail(error);
      return undefined;
    }
  }

  /** Forgets the list (signed out). */
  clear(): void {
    this.reads++;
    this.cases = [];
    this.page = undefined;
    this.set('idle');
  }

  private fail(error: unknown): void {
    this.failure = error;
    this.set('failed');
  }

  private set(status: MyCases['status']): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
