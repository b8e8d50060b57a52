// The state of a case reads at a glance: outcomes in the success colour, refusals in the danger colour,
// whatever the district theme's primary colour (the Haibowan theme's is red).
import { expect, fixture, html } from '@open-wc/testing';
import type { BanshiCaseTracker } from './case-tracker.js';
import './define.js';
import { sampleCases, sampleTimeline } from './sample-cases.js';
import type { TrackedCase } from './types.js';
import { inShadow } from '../test-support/helpers.js';

const SUCCESS = 'rgb(27, 107, 51)';

async function badgeColour(data: TrackedCase, theme: string): Promise<string> {
  const el = await fixture<BanshiCaseTracker>(
    html`<banshi-case-tracker
      theme=${theme}
      .caseData=${data}
      .timeline=${sampleTimeline}
    ></banshi-case-tracker>`,
  );
  await el.updateComplete;
  return getComputedStyle(inShadow(el, '.status .badge')).color;
}

describe('<banshi-case-tracker> state colours', () => {
  for (const theme of ['haibowan', 'baotou'])
    it(`shows 已办结 in the success colour in the ${theme} theme`, async () => {
      expect(await badgeColour(sampleCases.concluded, theme)).to.equal(SUCCESS);
    });

  it('shows an approval in the success colour and an ongoing case in the theme’s colour', async () => {
    expect(await badgeColour(sampleCases.delivered, 'haibowan')).to.equal(SUCCESS);
    expect(await badgeColour(sampleCases.accepted, 'haibowan')).not.to.equal(SUCCESS);
  });
});
