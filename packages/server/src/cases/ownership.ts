import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { Caller } from '../http/operation.js';
import type { CompanyPrincipal, ResidentPrincipal } from '../identity/principal.js';
import type { PiiCipher } from '../security/pii-cipher.js';

/** A resident or a company's representative, signed in at the identity platform. */
export type Person = ResidentPrincipal | CompanyPrincipal;

/** The blind-index purposes of a case's binding, as the key rotation recomputes them. */
export const bindingIndexes = [
  { column: 'owner_index', from: 'owner', purpose: 'cases.owner' },
  { column: 'company_index', from: 'company', purpose: 'cases.company' },
] as const;

/** Who a person is across platforms: the issuer and the subject it gave them. */
function ownerOf(person: Person): string {
  return `${person.issuer}#${person.subject}`;
}

function companyOf(person: CompanyPrincipal): string {
  return person.company.creditCode.toUpperCase();
}

/** The signed-in person behind a call, if any. */
export function personOf(caller: Caller): Person | undefined {
  return caller.kind === 'person' ? caller.principal : undefined;
}

/**
 * The columns that bind a new case to its signed-in filer and, for a company, to the company: each
 * encrypted, and a keyed blind index of each for the lookups of 我的办件.
 */
export function bindingColumns(pii: PiiCipher, person: Person) {
  const owner = ownerOf(person);
  const company = person.kind === 'company' ? companyOf(person) : null;
  return {
    owner: pii.encrypt(owner, 'cases.owner'),
    owner_index: pii.blindIndex(owner, 'cases.owner'),
    company: company === null ? null : pii.encrypt(company, 'cases.company'),
    company_index: company === null ? null : pii.blindIndex(company, 'cases.company'),
    filed_as: person.kind === 'company' ? person.company.relation : 'resident',
    filer_assurance: person.assurance,
  };
}

/** The indexes a person's cases carry: their own, and their company's if they represent it in law. */
function indexesOf(pii: PiiCipher, person: Person) {
  return {
    owner: pii.blindIndex(ownerOf(person), 'cases.owner'),
    company:
      person.kind === 'company' && person.company.relation === 'legalRepresentative'
        ? pii.blindIndex(companyOf(person), 'cases.company')
        : undefined,
  };
}

/**
 * Whether a case belongs to the person: they filed it, or it was filed for the company they are the
 * legal representative (法定代表人) of. Another 经办人 of the same company does not see it.
 */
export function belongsTo(
  pii: PiiCipher,
  person: Person,
  row: { owner_index?: string | null; company_index?: string | null },
): boolean {
  const { owner, company } = indexesOf(pii, person);
  return (
    (!!row.owner_index && row.owner_index === owner) ||
    (company !== undefined && !!row.company_index && row.company_index === company)
  );
}

/** The same rule as {@link belongsTo}, as a condition of a query on `cases`. */
export function belongsToFilter(pii: PiiCipher, person: Person) {
  const { owner, company } = indexesOf(pii, person);
  return (eb: ExpressionBuilder<DatabaseSchema, 'cases'>): Expression<SqlBool> =>
    company === undefined
      ? eb('owner_index', '=', owner)
      : eb.or([eb('owner_index', '=', owner), eb('company_index', '=', company)]);
}
