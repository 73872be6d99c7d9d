// The SDK's names for the one error class and its codes (common/errors). The React entry imports VASError
// from here, so that vas-react.js takes it from vas-client.js and `instanceof VASError` holds across both.
import type { ErrorCode } from '../../common/errors';

export { VigilError as VASError } from '../../common/errors';

/** Codes only clients raise, beside the station's own. */
export type SdkErrorCode = Extract<
  ErrorCode,
  'VIGIL_ERR_NETWORK' | 'VIGIL_ERR_BAD_RESPONSE' | 'VIGIL_ERR_CANCELLED' | 'VIGIL_ERR_PLAYBACK'
>;

/** Every code a `VASError` can carry. */
export type VASErrorCode = ErrorCode;
