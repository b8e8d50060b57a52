import type { OpenApiNode } from '../openapi/document.js';
import type { OperationSpec } from '../openapi/validator.js';
import { ProblemError } from './problem.js';

/** Where a security scheme of the document carries its credential. */
type Carrier = { header: string; bearer: boolean };

/**
 * A check, per operation, that the request carries at least one credential its `security` names, read
 * from the document. It runs before the body is read, so a protected operation called without any
 * credential answers 401 whatever its body (and never spends time parsing it).
 */
export function credentialGate(document: OpenApiNode) {
  const schemes = ((document.components as OpenApiNode | undefined)?.securitySchemes ?? {}) as Record<
    string,
    { type?: string; scheme?: string; in?: string; name?: string }
  >;
  const carrierOf = (name: string): Carrier | undefined => {
    const scheme = schemes[name];
    if (scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer')
      return { header: 'authorization', bearer: true };
    if (scheme?.type === 'apiKey' && scheme.in === 'header' && scheme.name)
      return { header: scheme.name.toLowerCase(), bearer: false };
    return undefined;
  };
  type Gate = { carriers: Carrier[]; detailKey: string } | undefined;
  const gates = new Map<string, Gate>();
  const gateOf = (operation: OperationSpec): Gate => {
    if (gates.has(operation.operationId)) return gates.get(operation.operationId);
    const requirements = (operation.security ?? []) as Record<string, unknown>[];
    const names = requirements.flatMap((r) => Object.keys(r));
    // No requirement, or an empty one ({}), means anyone may call.
    const open = requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0);
    const gate = open
      ? undefined
      : {
          carriers: names.map(carrierOf).filter((c): c is Carrier => !!c),
          detailKey: names.every((name) => name === 'staffCredential')
            ? 'problem.staffCredentialRequired'
            : names.includes('caseQueryCode')
              ? 'problem.caseCredentialRequired'
              : 'problem.credentialRequired',
        };
    gates.set(operation.operationId, gate);
    return gate;
  };
  return (operation: OperationSpec, header: (name: string) => string | undefined): void => {
    const gate = gateOf(operation);
    if (!gate) return;
    const present = gate.carriers.some(({ header: name, bearer }) => {
      const value = header(name)?.trim();
      return bearer ? /^Bearer\s+\S+$/i.test(value ?? '') : !!value;
    });
    if (!present)
      throw new ProblemError(401, 'unauthorized', {
        headers: { 'WWW-Authenticate': 'Bearer realm="banshi"' },
        detailKey: gate.detailKey,
      });
  };
}
