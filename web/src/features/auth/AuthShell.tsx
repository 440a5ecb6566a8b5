import type { ReactNode } from 'react';
import { Container } from '../../ui/Container';
import { LogoMark } from '../../ui/Logo';

/** Centered card used by the login and sign-up pages. */
export function AuthShell({ title, subtitle, children, footer }: { title: string; subtitle: ReactNode; children: ReactNode; footer: ReactNode }) {
  return (
    <div className="bg-gradient-to-b from-indigo-50 to-white py-12 sm:py-20">
      <Container className="max-w-lg">
        <div className="rounded-2xl border border-slate-200 bg-white px-6 py-8 shadow-sm sm:px-10">
          <LogoMark className="h-10 w-10" />
          <h1 className="mt-6 text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
          <p className="mt-2 text-sm text-slate-600">{subtitle}</p>
          <div className="mt-8">{children}</div>
        </div>
        <p className="mt-6 text-center text-sm text-slate-600">{footer}</p>
      </Container>
    </div>
  );
}
