import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { createAuthStore, type AuthState, type AuthStore, type Session } from './authStore';

const AuthContext = createContext<AuthStore | null>(null);

export function AuthProvider({ store, children }: { store: AuthStore; children: ReactNode }) {
  return <AuthContext.Provider value={store}>{children}</AuthContext.Provider>;
}

const fallbackStore = createAuthStore();

export function useAuthStore(): AuthStore {
  return useContext(AuthContext) ?? fallbackStore;
}

export function useAuthState(): AuthState {
  const store = useAuthStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

export function useSession(): Session | null {
  return useAuthState().session;
}
