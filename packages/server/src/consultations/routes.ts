import type { Handlers } from '../http/operation.js';
import { answerConsultation } from './answer-consultation.js';
import { getConsultationAttachment } from './attachment.js';
import { createConsultation } from './create-consultation.js';
import { figureHandlers } from './figures.js';
import { createConsultationFollowUp } from './follow-up.js';
import { listMyConsultations } from './my-consultations.js';
import { publicationHandlers } from './publish-consultation.js';
import { consultationReadHandlers } from './read-consultations.js';
import { suggestionHandlers } from './suggestions.js';

/** The operations of 我要问 (consultations). */
export const consultationHandlers: Handlers<
  | 'createConsultation'
  | 'listConsultations'
  | 'getConsultationFigures'
  | 'listConsultationSuggestions'
  | 'getConsultation'
  | 'createConsultationFollowUp'
  | 'answerConsultation'
  | 'publishConsultation'
  | 'listPublishedAnswers'
  | 'listMyConsultations'
  | 'getConsultationAttachment'
> = {
  createConsultation,
  ...consultationReadHandlers,
  ...figureHandlers,
  ...suggestionHandlers,
  createConsultationFollowUp,
  answerConsultation,
  ...publicationHandlers,
  listMyConsultations,
  getConsultationAttachment,
};
