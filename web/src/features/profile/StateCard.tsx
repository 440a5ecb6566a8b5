import type { ReactNode } from 'react';

/** A centred, bordered message for empty, error and not-found states. */
export function StateCard({ title, children, action, role, testId }: { title: string; children?: ReactNode; action?: ReactNode; role?: 'alert' | 'status'; testId?: string }) {
  return (
    <div role={role} data-testid={testId} className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-slate-50 px-6 py-12 text-center">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      {children && <div className="mt-2 max-w-md text-sm text-slate-600">{children}</div>}
      {action && <div className="mt-5 flex flex-wrap justify-center gap-3">{action}</div>}
    </div>
  );
}
