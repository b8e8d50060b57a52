// Compiled by `npm run build` (tsconfig.types.json): each `@ts-expect-error` below must stay an error,
// so the build fails if the handler table stops catching a missing handler or an undeclared answer.
import type { Handler, HandlerTable, OperationHandler } from '../../src/http/operation.js';
import { handlers } from '../../src/handlers.js';

// The whole table type-checks.
export const table: HandlerTable = handlers;

// A table without one of the document's operations is refused.
const { getCase: _getCase, ...withoutGetCase } = handlers;
// @ts-expect-error getCase is missing
export const incomplete: HandlerTable = withoutGetCase;

// A handler must answer a status its operation declares…
// @ts-expect-error getUpload declares 200, not 201
export const wrongStatus: OperationHandler<'getUpload'> = async (ctx) => ({
  status: 201,
  body: await view(ctx),
});

// …with that status's body…
// @ts-expect-error a Case is not an Upload
export const wrongBody: OperationHandler<'getUpload'> = async () => ({
  status: 200,
  body: { caseNumber: '1' },
});

// …and a problem status is thrown (ProblemError), never answered.
// @ts-expect-error 404 is a problem
export const problemAnswer: OperationHandler<'getUpload'> = async () => ({ status: 404, body: undefined });

// An idempotent handler's answer is checked the same way.
export const idempotent: Handler<'withdrawCase'> = {
  idempotent: true,
  // @ts-expect-error withdrawCase answers a Case
  run: async () => ({ status: 200, body: { reason: 'x' } }),
};

// The request is the operation's: typed parameters and body.
export const typedRequest: OperationHandler<'transitionCase'> = async (ctx) => {
  const caseNumber: string = ctx.request.path.caseNumber;
  // @ts-expect-error the path has no code
  void ctx.request.path.code;
  // @ts-expect-error a transition has no formData
  void ctx.request.body.formData;
  if (ctx.request.body.action === 'suspend') {
    const reason: string = ctx.request.body.reason;
    void reason;
  }
  // @ts-expect-error a year is a number, not a string
  const year: string = (null as unknown as Parameters<OperationHandler<'getCalendar'>>[0]).request.path.year;
  void year;
  void caseNumber;
  throw new Error('types only');
};

async function view(_ctx: unknown) {
  return {
    id: 'up_1',
    name: 'a.pdf',
    size: 1,
    mediaType: 'application/pdf',
    sha256: '',
    contentCheck: { status: 'passed' as const },
    createdAt: '',
    expiresAt: null,
  };
}
