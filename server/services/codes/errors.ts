import { ApiError, errorCodes } from '../../../shared/api/index';

export const notFound = () => new ApiError(404, errorCodes.notFound, 'No such verification.');
export const conflict = (message: string) => new ApiError(409, errorCodes.conflict, message);

/** The one answer to every failed redemption: it must not tell whether the user ID exists. */
export const redeemFailedMessage =
  'The user ID or activation code is wrong, or the code is no longer valid. Call MitID Support if you need a new code.';
export const redeemFailed = () => new ApiError(401, errorCodes.invalidCredentials, redeemFailedMessage);
