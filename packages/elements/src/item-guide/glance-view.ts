import { html, nothing, type TemplateResult } from 'lit';
import { formatLimit } from '../item-common/badges.js';
import type { Item } from '../item-common/types.js';
import type { Translate } from '../base/translate.js';
import { renderLink, renderSection } from './sections.js';

/** 一图看懂: the facts a resident asks first, as a definition list; empty facts are left out. */
export function renderGlance(item: Item, msg: Translate): TemplateResult {
  const visits = item.onSiteVisits.count;
  const place = item.windows[0];
  const rows: Array<[string, unknown]> = [
    ['guide.processing', msg(`guide.processing.${item.processingType}`)],
    ['item.promised', formatLimit(item.promisedTimeLimit, msg)],
    ['guide.statutory', formatLimit(item.statutoryTimeLimit, msg)],
    [
      'guide.visits',
      html`${
        visits === 0
          ? msg('item.badge.zeroVisit')
          : visits === 1
            ? msg('item.badge.oneVisit')
            : msg('guide.visits.count', { count: visits })
      }${item.onSiteVisits.reason ? html`<br /><span class="hint">${item.onSiteVisits.reason}</span>` : nothing}`,
    ],
    ['guide.fee', msg(item.fees.length ? 'guide.fee.some' : 'guide.fee.none')],
    ['guide.depth', msg(`item.depth.${item.onlineDepth}`)],
    ['guide.where', place ? `${place.hallName ?? place.name} ${place.address}` : ''],
    ['guide.channels', item.channels.map((channel) => msg(`guide.channel.${channel}`)).join('、')],
    ['guide.audience', item.audience.map((audience) => msg(`item.audience.${audience}`)).join('、')],
    ['item.department', item.department.name],
    ['guide.joint', item.jointDepartments.map((department) => department.name).join('、')],
    ['guide.members', item.bundleMembers.map((member) => member.name).join('、')],
    [
      'guide.result',
      item.result
        ? html`${item.result.name}${renderLink(item.result.sampleUrl, ` (${msg('guide.sample')})`)}`
        : '',
    ],
  ];
  return renderSection(
    msg,
    'glance',
    html`<dl class="facts">
        ${rows.map(([key, value]) =>
          value
            ? html`<div>
                <dt>${msg(key)}</dt>
                <dd>${value}</dd>
              </div>`
            : nothing,
        )}
      </dl>
      ${item.supports.expressDelivery ? html`<p>${msg('guide.express')}</p>` : nothing}
      ${
        item.conditions.length
          ? html`<h4>${msg('guide.conditions')}</h4>
              <ul>
                ${item.conditions.map((condition) => html`<li class="text">${condition}</li>`)}
              </ul>`
          : nothing
      }`,
  );
}
