import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_CONFIG, type RuntimeConfig } from './config';

const ConfigContext = createContext<RuntimeConfig>(DEFAULT_CONFIG);

export function ConfigProvider({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  return <ConfigContext.Provider value={config}>{children}</ConfigContext.Provider>;
}

export function useConfig(): RuntimeConfig {
  return useContext(ConfigContext);
}
