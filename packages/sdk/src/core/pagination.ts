/** Fetches the page that starts at `cursor`. */
export type PageLoader<T> = (cursor: string) => Promise<Page<T>>;

/**
 * One page of a cursor-paginated list. Iterating it with `for await` walks this page and every page after it.
 */
export class Page<T> implements AsyncIterable<T> {
  /** The items on this page. */
  readonly items: T[];
  /** The cursor of the next page; `null` on the last page. */
  readonly nextCursor: string | null;
  private readonly loadPage: PageLoader<T>;

  constructor(items: T[], nextCursor: string | null | undefined, loadPage: PageLoader<T>) {
    this.items = items;
    this.nextCursor = nextCursor ?? null;
    this.loadPage = loadPage;
  }

  /** Whether another page follows this one. */
  hasNextPage(): boolean {
    return this.nextCursor !== null && this.nextCursor !== '';
  }

  /** Fetches the next page, with the same filters and options. Throws on the last page. */
  getNextPage(): Promise<Page<T>> {
    if (!this.hasNextPage()) {
      return Promise.reject(new Error('No next page: check hasNextPage() before getNextPage().'));
    }
    return this.loadPage(this.nextCursor as string);
  }

  /** This page and each page after it, fetched one at a time as the loop asks for them. */
  async *iterPages(): AsyncGenerator<Page<T>, void, undefined> {
    yield this;
    let page: Page<T> | undefined = this.hasNextPage() ? await this.getNextPage() : undefined;
    while (page) {
      yield page;
      page = page.hasNextPage() ? await page.getNextPage() : undefined;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.iterPages()) yield* page.items;
  }
}

/**
 * What a list call returns: a real Promise of the first {@link Page}, which can also be iterated with
 * `for await` for every item across all pages. The first page is requested at once, whichever way it is used.
 */
export class PagePromise<T> extends Promise<Page<T>> implements AsyncIterable<T> {
  // `then`, `catch` and `finally` return plain Promises, not more PagePromises.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    const page = await this;
    yield* page;
  }
}

/** The shape of every list answer of the document. */
export interface Listing<T> {
  items: T[];
  nextCursor?: string | null | undefined;
}

/**
 * Turns a function that fetches one page by cursor (`undefined` for the first) into a {@link PagePromise}
 * whose pages know how to fetch their successors with the same filters and options.
 */
export function paginate<T>(fetchPage: (cursor: string | undefined) => Promise<Listing<T>>): PagePromise<T> {
  const load = async (cursor: string | undefined): Promise<Page<T>> => {
    const listing = await fetchPage(cursor);
    return new Page(listing.items, listing.nextCursor, load);
  };
  const firstPage = load(undefined);
  return new PagePromise<T>((resolve, reject) => firstPage.then(resolve, reject));
}
