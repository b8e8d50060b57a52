import type { ValidateOptions } from '@banshi/sdk/forms';
import { REGION_CODES } from '@banshi/sdk/regions';

/** How the server validates form data: `cn-region-code` against the full GB/T 2260 list. */
export const formOptions: ValidateOptions = { regionCodes: REGION_CODES };
