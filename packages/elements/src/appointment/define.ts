import { defineElement } from '../base/define.js';
import { Appointments, useResources } from '../base/resources.js';
import { BanshiAppointment } from './appointment.js';

useResources({ appointments: Appointments });
defineElement('banshi-appointment', BanshiAppointment);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-appointment': BanshiAppointment;
  }
}
