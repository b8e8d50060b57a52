import type { Handlers } from '../http/operation.js';
import './messages.js';
import { settingsHandlers } from './settings-routes.js';
import { sendAppointmentVerification } from './verification.js';
import { createAppointment } from './create-appointment.js';
import { manageHandlers } from './manage-appointment.js';
import { queueHandlers } from './queue.js';

/** The operations of 预约 (appointments). */
export const appointmentHandlers: Handlers<
  | 'getAppointmentSettings'
  | 'putAppointmentSettings'
  | 'listAppointmentSlots'
  | 'sendAppointmentVerification'
  | 'createAppointment'
  | 'getAppointment'
  | 'cancelAppointment'
  | 'moveAppointment'
  | 'checkInAppointment'
  | 'callQueueTicket'
> = {
  ...settingsHandlers,
  sendAppointmentVerification,
  createAppointment,
  ...manageHandlers,
  ...queueHandlers,
};
