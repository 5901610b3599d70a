// Channel names shared by main and preload: the only messages that cross the bridge.

/** Renderer → main (invoke): every ConsoleApi call. */
export const consoleApiChannel = 'console-api';

/** Main → renderer (send): the OS locked or is suspending; the console locks itself. */
export const lockRequestedChannel = 'console:lock-requested';

/** Renderer → main (invoke): read the desktop settings (which are locked), save language and theme. */
export const consoleSettingsChannel = 'console:settings';
