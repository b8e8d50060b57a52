import type { HandlerTable } from '../http/operation.js';

export const calendarHandlers: HandlerTable = {};
