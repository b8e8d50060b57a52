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
 * What a list call returns: await it for the first {@link Page}, or iterate it with `for await` for every
 * item across all pages. The first page is requested at once, whichever way it is used.
 */
export class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  private readonly firstPage: Promise<Page<T>>;

  constructor(firstPage: Promise<Page<T>>) {
    this.firstPage = firstPage;
  }

  then<Fulfilled = Page<T>, Rejected = never>(
    onFulfilled?: ((page: Page<T>) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    return this.firstPage.then(onFulfilled, onRejected);
  }

  catch<Rejected = never>(
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Page<T> | Rejected> {
    return this.firstPage.catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<Page<T>> {
    return this.firstPage.finally(onFinally);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    const page = await this.firstPage;
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
  return new PagePromise(load(undefined));
}
