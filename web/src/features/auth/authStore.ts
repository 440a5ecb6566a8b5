// In-memory session store. The access token is deliberately never written to
// localStorage or cookies: a reload signs the user out, and injected scripts
// cannot read it from storage.

export type AccountType = 'FREELANCER' | 'CLIENT' | 'COMPANY' | 'AGENCY';

export interface SessionUser {
  id?: string;
  email?: string;
  username?: string;
  displayName?: string;
  accountType?: AccountType;
}

export interface Session {
  accessToken: string;
  user: SessionUser | null;
}

export interface AuthStore {
  getSnapshot(): Session | null;
  subscribe(listener: () => void): () => void;
  signIn(session: Session): void;
  signOut(): void;
}

export function createAuthStore(initial: Session | null = null): AuthStore {
  let session = initial;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());
  return {
    getSnapshot: () => session,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn(next) {
      session = next;
      emit();
    },
    signOut() {
      session = null;
      emit();
    },
  };
}
