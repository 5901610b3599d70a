// Keyboard helpers shared by the shell's global shortcuts and the call screens.

/** Whether a modal dialog (lock, abort, help) is open: global shortcuts then stay quiet. */
export function isModalOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]') !== null;
}

/** Whether the key went to something the agent types into (so "?" is text there, not a shortcut). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

/**
 * Alt+<letter> by physical key: `event.key` under Alt is a special character on some layouts
 * (macOS: Alt+N is "˜"), the key code is not.
 */
export function isAltKey(event: KeyboardEvent, letter: string): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && event.code === `Key${letter.toUpperCase()}`;
}

/** The shortcuts, as the help overlay lists them: keys and the catalogue key of what they do. */
export const shortcutList = [
  { keys: ['Alt+N'], action: 'shortcuts.newCall' },
  { keys: ['Alt+M'], action: 'shortcuts.myCalls' },
  { keys: ['Enter'], action: 'shortcuts.submit' },
  { keys: ['Alt+D', 'F8'], action: 'shortcuts.dontKnow' },
  { keys: ['Alt+A'], action: 'shortcuts.abort' },
  { keys: ['Alt+R'], action: 'shortcuts.redFlag' },
  { keys: ['Alt+W', 'F9'], action: 'shortcuts.wrapUp' },
  { keys: ['Alt+L'], action: 'shortcuts.lock' },
  { keys: ['?', 'F1'], action: 'shortcuts.help' },
] as const;
