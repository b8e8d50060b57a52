/**
 * <banshi-appointment> (预约): the free slots of an item, booking with an SMS code, a slot taken meanwhile,
 * the booking with its QR code, and the hall kiosk's check-in. The API is mocked (stories/mocks/appointments.ts).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../packages/elements/src/appointment/define.js';
import type { BanshiAppointment } from '../packages/elements/src/appointment/appointment.js';
import { appointmentHandlers } from './mocks/index.js';
import { signedIn } from './mocks/identity.js';
import { click, fill, shown, widget, withValue } from './support/shadow.js';

interface AppointmentArgs {
  itemCode: string;
  kiosk: boolean;
}

const meta = {
  title: 'Widgets/Appointment 预约',
  id: 'widgets-appointment',
  component: 'banshi-appointment',
  args: { itemCode: '11150302MB154687214000105012000', kiosk: false },
  render: (args) =>
    html`<banshi-appointment item-code=${args.itemCode} ?kiosk=${args.kiosk}></banshi-appointment>`,
} satisfies Meta<AppointmentArgs>;

export default meta;
type Story = StoryObj<AppointmentArgs>;

const appointment = (canvasElement: HTMLElement) =>
  widget<BanshiAppointment>(canvasElement, 'banshi-appointment');

/** The days open for booking: a closed weekend day, a full slot, the seats left in each. */
export const FreeSlots: Story = {
  play: async ({ canvasElement }) => {
    const el = await appointment(canvasElement);
    await shown(el, 'input[name=slot]');
  },
};

/** Booked with name, mobile and the texted code: the booking number, check-in code and QR code. */
export const Booked: Story = {
  play: async ({ canvasElement }) => {
    const el = await appointment(canvasElement);
    await shown(el, 'input[name=slot]');
    await click(el, withValue(el, 'input[name=slot]', '09:00'));
    await fill(el, '#name', '张丽');
    await fill(el, '#mobile', '13947312345');
    await fill(el, '#code', '482913');
    await click(el, '[part=submit]');
    const qr = await shown(el, 'img.qr');
    await expect(qr.getAttribute('alt')).toContain('4KQ7WDX3');
  },
};

/** Signed in at the page: the booking is the resident's own, with no name, mobile or code to type. */
export const SignedInBooking: Story = {
  parameters: signedIn,
  play: async ({ canvasElement }) => {
    const el = await appointment(canvasElement);
    await shown(el, 'input[name=slot]');
    await click(el, withValue(el, 'input[name=slot]', '09:00'));
    await click(el, '[part=submit]');
    await shown(el, 'img.qr');
  },
};

/** Someone else took the last seat first: the next free slots are offered. */
export const SlotTaken: Story = {
  parameters: { msw: { handlers: { appointments: appointmentHandlers.slotTaken } } },
  play: async ({ canvasElement }) => {
    const el = await appointment(canvasElement);
    await shown(el, 'input[name=slot]');
    await click(el, withValue(el, 'input[name=slot]', '09:00'));
    await fill(el, '#name', '张丽');
    await fill(el, '#mobile', '13947312345');
    await fill(el, '#code', '482913');
    await click(el, '[part=submit]');
    await shown(el, '.notice[role=status]');
  },
};

/** Missing choices and fields, listed in an error summary that takes focus. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await appointment(canvasElement);
    await shown(el, 'input[name=slot]');
    await click(el, '[part=submit]');
    const summary = await shown(el, '#errors');
    await expect(summary.querySelectorAll('li')).toHaveLength(4);
  },
};

/** The hall's kiosk: a check-in code becomes a queue ticket shown large. */
export const Kiosk: Story = {
  args: { kiosk: true },
  play: async ({ canvasElement }) => {
    const el = await appointment(canvasElement);
    await fill(el, '#checkin', '4KQ7WDX3');
    await click(el, '[part=submit]');
    await shown(el, '[part=ticket]');
  },
};
