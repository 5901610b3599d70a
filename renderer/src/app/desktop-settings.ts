// The desktop shell's settings as the console window sees them: which are locked by the centre's
// managed configuration, whether this is a training console, and saving language and theme to the
// settings file. Absent in the browser preview (no bridge): nothing is locked, nothing is saved.
import { useSyncExternalStore } from 'react';
import type { DesktopSettingsChange, DesktopSettingsView } from '../../../shared/settings/desktop-settings';

let loaded: Promise<DesktopSettingsView | undefined> | undefined;
let current: DesktopSettingsView | undefined;
const listeners = new Set<() => void>();

function publish(view: DesktopSettingsView | undefined): DesktopSettingsView | undefined {
  current = view;
  listeners.forEach((listener) => listener());
  return view;
}

function bridge() {
  return window.consoleBridge?.settings;
}

/** Read once per page: the view only changes through this window's own saves. */
export function loadDesktopSettings(): Promise<DesktopSettingsView | undefined> {
  loaded ??= (bridge()?.get() ?? Promise.resolve(undefined)).then(
    (result) => publish(result && result.ok ? result.value : undefined),
    () => undefined,
  );
  return loaded;
}

/** Saves a language or theme choice to the desktop settings file (no-op outside the desktop shell). */
export async function saveDesktopSetting(change: DesktopSettingsChange): Promise<void> {
  const settings = bridge();
  if (!settings) return;
  const result = await settings.update(change);
  if (result.ok) loaded = Promise.resolve(publish(result.value));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (bridge()) void loadDesktopSettings();
  return () => listeners.delete(listener);
}

/** The desktop settings once the bridge has answered; undefined before that and outside the shell. */
export function useDesktopSettings(): DesktopSettingsView | undefined {
  return useSyncExternalStore(subscribe, () => current);
}

/** Forgets the loaded view (tests). */
export function resetDesktopSettings(): void {
  loaded = undefined;
  current = undefined;
}
