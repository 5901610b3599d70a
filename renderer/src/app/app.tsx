import { useEffect, useState } from 'react';
import type { Health } from '../../../shared/api/index';
import { getConsoleApi } from './console-api';

/** Placeholder shell: replaced by the themed, routed layout. */
export function App() {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    void getConsoleApi().getHealth({}).then(setHealth);
  }, []);
  return <main>{health ? `Support API ${health.version} (${health.database})` : 'Connecting…'}</main>;
}
