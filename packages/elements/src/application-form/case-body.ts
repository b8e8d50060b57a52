import type { CaseCreate } from './types.js';
import { getAt, type Values } from './form-data.js';

type Applicant = CaseCreate['applicant'];
type Delivery = CaseCreate['delivery'];

/** The applicant of a case, read from the form data, with the form pointer each property came from. */
export interface DerivedApplicant {
  applicant: Applicant;
  /** `/applicant/<property>` of the request → the form field it was read from. */
  sources: Record<string, string>;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** Every object in the data with its pointer, depth first, in the order the data holds them. */
function objects(node: unknown, pointer = ''): Array<[string, Values]> {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return [];
  return [
    [pointer, node as Values],
    ...Object.entries(node).flatMap(([key, value]) => objects(value, `${pointer}/${key}`)),
  ];
}

/**
 * Who applies, as the case records it. Forms ask for the applicant in their own words (申请人, 经营者,
 * 参保人…), so it is found by shape: an organisation is the first object with a `creditCode` (its
 * `legalRepresentative` or `principal`, and the `contact` when there is one); otherwise a person is the
 * first object with a `name` and an `idNumber`, with its own mobile or the first one in the form.
 */
export function deriveApplicant(data: Values): DerivedApplicant | undefined {
  const all = objects(data);
  const firstMobile = all.find(([, node]) => text(node.mobile));
  const org = all.find(([, node]) => text(node.creditCode));
  if (org) {
    const [at, node] = org;
    const repKey = node.legalRepresentative !== undefined ? 'legalRepresentative' : 'principal';
    const rep = node[repKey];
    const repName = text(rep) ?? text((rep as Values | undefined)?.name);
    const [contactAt, contact] =
      all.find(([pointer]) => pointer === '/contact') ??
      (typeof rep === 'object' ? [`${at}/${repKey}`, rep as Values] : (firstMobile ?? ['', {}]));
    return {
      applicant: {
        kind: 'organisation',
        name: text(node.name) ?? '',
        creditCode: text(node.creditCode)!,
        legalRepresentative: repName ?? '',
        contact: { name: text(contact.name) ?? repName ?? '', mobile: text(contact.mobile) ?? '' },
      },
      sources: {
        '/applicant/name': `${at}/name`,
        '/applicant/creditCode': `${at}/creditCode`,
        '/applicant/legalRepresentative': `${at}/${repKey}${typeof rep === 'object' ? '/name' : ''}`,
        '/applicant/contact/name': `${contactAt}/name`,
        '/applicant/contact/mobile': `${contactAt}/mobile`,
      },
    };
  }
  const person = all.find(([, node]) => text(node.name) && text(node.idNumber));
  if (!person) return undefined;
  const [at, node] = person;
  const [mobileAt, withMobile] = text(node.mobile) ? person : (firstMobile ?? person);
  return {
    applicant: {
      kind: 'person',
      name: text(node.name)!,
      idType: 'residentIdCard',
      idNumber: text(node.idNumber)!.toUpperCase(),
      mobile: text(withMobile.mobile) ?? '',
    },
    sources: {
      '/applicant/name': `${at}/name`,
      '/applicant/idNumber': `${at}/idNumber`,
      '/applicant/mobile': `${mobileAt}/mobile`,
    },
  };
}

/**
 * How the result reaches the applicant: by mail when the form asks for a mailing address
 * (`/delivery/method` = `mail` with `/delivery/mail`, or a `/mail` page), otherwise at the window.
 */
export function deriveDelivery(data: Values): Delivery {
  const mail = (getAt(data, '/delivery/method') === 'mail' ? getAt(data, '/delivery/mail') : data.mail) as
    Values | undefined;
  if (!mail || !text(mail.recipient)) return { method: 'window' };
  const postalCode = text(mail.postalCode);
  return {
    method: 'mail',
    address: {
      recipient: text(mail.recipient)!,
      mobile: text(mail.mobile) ?? '',
      regionCode: text(mail.regionCode) ?? '',
      detail: text(mail.address) ?? '',
      ...(postalCode ? { postalCode } : {}),
    },
  };
}

/**
 * Where a field error of the server (a pointer into the request body) belongs in the form: a field
 * (`/applicant/idNumber` for `/formData/applicant/idNumber`), `#materials/<id>`, `#commitment`,
 * `#situation/<id>`, or '' when it names nothing the applicant can change.
 */
export function localPointer(pointer: string, body: CaseCreate, sources: Record<string, string>): string {
  if (pointer.startsWith('/formData/')) return pointer.slice(9);
  if (pointer.startsWith('/situationAnswers/')) return '#situation/' + pointer.split('/')[2];
  if (pointer === '/commitmentAccepted') return '#commitment';
  const material = /^\/materials\/(\d+)/.exec(pointer);
  if (material) return '#materials/' + (body.materials[Number(material[1])]?.materialId ?? '');
  if (pointer === '/materials') return '#materials';
  return sources[pointer] ?? '';
}
