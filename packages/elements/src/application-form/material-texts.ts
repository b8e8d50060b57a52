import type { Material, ResolvedForm } from '@banshi/sdk/forms';
import type { Translate } from '../base/translate.js';
import type { MaterialState } from './uploads.js';

/** For each material that applies, how it is provided, as shown on check your answers and the receipt. */
export function materialTexts(
  resolved: ResolvedForm | undefined,
  states: Record<string, MaterialState>,
  msg: Translate,
): Array<[Material, string]> {
  return (resolved?.materials ?? []).map((material) => {
    const names = (states[material.id]?.files ?? []).filter((f) => f.id).map((f) => f.name);
    const text = names.length
      ? names.join('、')
      : material.eLicence
        ? msg('apply.material.eLicence')
        : states[material.id]?.later || material.necessity === 'deferrable'
          ? msg('apply.material.deadline', { days: material.deferDays ?? 5 })
          : msg('apply.none');
    return [material, text];
  });
}
