import { defineElement } from '../base/define.js';
import { BanshiAppointment } from './appointment.js';

defineElement('banshi-appointment', BanshiAppointment);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-appointment': BanshiAppointment;
  }
}
