import type { HandlerTable } from '../http/operation.js';

export const caseHandlers: HandlerTable = {};
