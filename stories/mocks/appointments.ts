/** 预约 answers: the free slots of an item, a booking, a slot taken meanwhile, and the kiosk's ticket. */
import { http, type HttpHandler } from 'msw';
import { API, json, problem } from './respond.js';
import { sampleBooked, sampleCalendar } from '../../packages/elements/src/appointment/sample-slots.js';

const verified = http.post(`${API}/appointment-verifications`, ({ request }) =>
  json(request, { mobile: '139****2345', expiresInSeconds: 600 }, 202),
);
const slots = http.get(`${API}/appointment-slots`, ({ request }) => json(request, sampleCalendar));
const ticket = http.post(`${API}/appointment-check-ins`, ({ request }) =>
  json(request, {
    ticket: 'A12-Y003',
    windowGroup: 'A12',
    windowName: 'A12 住房保障综合窗口',
    itemName: '公共租赁住房申请',
    appointmentNumber: sampleBooked.number,
    state: 'checkedIn',
    waitingAhead: 2,
  }),
);

export const appointmentHandlers: Record<'normal' | 'slotTaken', HttpHandler[]> = {
  normal: [
    slots,
    verified,
    ticket,
    http.post(`${API}/appointments`, ({ request }) => json(request, sampleBooked, 201)),
  ],
  slotTaken: [
    slots,
    verified,
    ticket,
    http.post(`${API}/appointments`, ({ request }) =>
      problem(request, {
        status: 409,
        code: 'slot_full',
        title: { 'zh-CN': '与当前状态冲突', en: 'Conflict with the current state' },
        detail: {
          'zh-CN': '该时段已约满，请选择其他时段。',
          en: 'This slot is fully booked. Choose another one.',
        },
        extensions: { nextFreeSlots: [sampleCalendar.days[2]!.slots[1]] },
      }),
    ),
  ],
};
