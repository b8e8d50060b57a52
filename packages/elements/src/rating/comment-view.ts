import { html, type TemplateResult } from 'lit';
import type { Translate } from '../base/translate.js';
import { COMMENT_MAX } from './options.js';

/** The comment box with its visible count and the count announced once typing pauses. */
export function renderComment(
  msg: Translate,
  comment: string,
  announcedCount: string,
  onInput: (event: Event) => void,
): TemplateResult {
  return html`<div>
    <label class="label" for="comment">${msg('rating.comment')}</label>
    <textarea
      id="comment"
      maxlength=${COMMENT_MAX}
      .value=${comment}
      @input=${onInput}
      aria-describedby="comment-count"
    ></textarea>
    <div class="count" id="comment-count">
      ${msg('rating.comment.count', { count: comment.length, max: COMMENT_MAX })}
    </div>
    <div class="sr-only" aria-live="polite">${announcedCount}</div>
  </div>`;
}
