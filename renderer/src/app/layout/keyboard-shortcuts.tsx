import { lazy, Suspense, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { isAltKey, isModalOpen, isTypingTarget } from '../../components/keyboard';

// The overlay is its own chunk: the first load (sign-in) does not need it.
const ShortcutHelp = lazy(() => import('./shortcut-help').then((m) => ({ default: m.ShortcutHelp })));

/**
 * The agent's global keys: Alt+N new call, Alt+M my calls, "?" or F1 the help overlay. Keys of one
 * screen (Alt+D, Alt+A) live in that screen. Nothing fires while a modal dialog is open (e.g. the lock).
 */
export function AgentShortcuts() {
  const navigate = useNavigate();
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isModalOpen()) return;
      if (isAltKey(event, 'n')) {
        event.preventDefault();
        void navigate('/call/new');
      } else if (isAltKey(event, 'm')) {
        event.preventDefault();
        void navigate('/calls');
      } else if (event.key === 'F1' || (event.key === '?' && !event.altKey && !event.ctrlKey && !isTypingTarget(event.target))) {
        event.preventDefault();
        setHelpOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  if (!helpOpen) return null;
  return (
    <Suspense fallback={null}>
      <ShortcutHelp open onClose={() => setHelpOpen(false)} />
    </Suspense>
  );
}
