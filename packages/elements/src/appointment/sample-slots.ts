import type { components } from '@banshi/sdk';

type Schemas = components['schemas'];

const settings: Schemas['AppointmentSettings'] = {
  itemCode: '11150302MB154687214000105012000',
  itemName: '公共租赁住房申请',
  windowGroup: 'A12',
  windowName: 'A12 住房保障综合窗口',
  slotMinutes: 30,
  capacity: 3,
  sessions: [{ start: '09:00', end: '10:00' }],
  daysOpen: 3,
  changeCutoffMinutes: 120,
};

const slot = (day: string, start: string, end: string, remaining: number): Schemas['AppointmentSlot'] => ({
  day,
  start,
  end,
  capacity: 3,
  remaining,
});

/** A week of slots as the server lists them: a working day, a weekend day, another working day. */
export const sampleCalendar: Schemas['AppointmentCalendar'] = {
  settings,
  days: [
    {
      day: '2026-12-11',
      workingDay: true,
      slots: [slot('2026-12-11', '09:00', '09:30', 1), slot('2026-12-11', '09:30', '10:00', 0)],
    },
    { day: '2026-12-12', workingDay: false, slots: [] },
    {
      day: '2026-12-14',
      workingDay: true,
      slots: [slot('2026-12-14', '09:00', '09:30', 3), slot('2026-12-14', '09:30', '10:00', 3)],
    },
  ],
};

/** The answer to a booking of the first slot. */
export const sampleBooked: Schemas['AppointmentCreated'] = {
  number: 'YY261211K3P9QW',
  itemCode: settings.itemCode,
  itemName: settings.itemName,
  day: '2026-12-11',
  start: '09:00',
  end: '09:30',
  state: 'booked',
  windowGroup: 'A12',
  windowName: settings.windowName,
  mobile: '139****2345',
  changeableUntil: '2026-12-11T07:00:00+08:00',
  checkInCode: '4KQ7WDX3',
  checkInQrSvg:
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><path d="M0 0h1v1H0z"/><script>parent.hacked=1</script></svg>',
};
