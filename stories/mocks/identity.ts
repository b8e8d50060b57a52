/**
 * A person signed in at 统一身份认证, for stories: `parameters: signedIn` puts a `tokenProvider` giving
 * {@link SIGNED_IN_TOKEN} on the story's `<banshi-provider>` (see .storybook/banshi-context.ts), and the
 * mocks that answer only a signed-in person check it with {@link isSignedIn}.
 */

/** The bearer token of the mocked signed-in person (张丽, 实名等级 3). */
export const SIGNED_IN_TOKEN = 'mock-identity-token-zhangli';

/** Story parameters that sign the person in. */
export const signedIn = { banshi: { token: SIGNED_IN_TOKEN } } as const;

/** Whether a mocked request carries the signed-in person's token. */
export function isSignedIn(request: Request): boolean {
  return request.headers.get('authorization') === `Bearer ${SIGNED_IN_TOKEN}`;
}

/** 张丽's verified fields of a form asking for the applicant at `/applicant` (as the server sends them). */
export function verifiedApplicant(assuranceLevel: number, idNumber: string) {
  return {
    source: 'unifiedIdentity' as const,
    kind: 'person' as const,
    assuranceLevel,
    fields: [
      { pointer: '/applicant/name', value: '张丽' },
      { pointer: '/applicant/idType', value: 'residentIdCard' },
      { pointer: '/applicant/idNumber', value: idNumber },
      { pointer: '/applicant/mobile', value: '13947312345' },
      { pointer: '/formData/applicant/name', value: '张丽' },
      { pointer: '/formData/applicant/idNumber', value: idNumber },
      { pointer: '/formData/applicant/mobile', value: '13947312345' },
    ],
  };
}
