import { NavLink, Outlet } from 'react-router';
import { Container } from '../../ui/Container';
import { cx } from '../../ui/cx';

const items = [
  { to: '/settings/profile', label: 'Profile', description: 'What others see about you' },
  { to: '/settings/security', label: 'Security', description: 'Password and sessions' },
];

/** Account settings: a side navigation and the chosen page. */
export function SettingsLayout() {
  return (
    <div className="bg-slate-50 py-10 sm:py-14">
      <Container>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Account settings</h1>
        <div className="mt-8 grid gap-8 lg:grid-cols-[14rem_1fr]">
          <nav aria-label="Settings">
            <ul className="flex gap-2 overflow-x-auto lg:flex-col">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    className={({ isActive }) =>
                      cx(
                        'block rounded-lg px-3 py-2 text-sm transition-colors focus-visible:outline-2 focus-visible:outline-indigo-600',
                        isActive ? 'bg-white font-semibold text-indigo-700 shadow-sm ring-1 ring-slate-200' : 'text-slate-700 hover:bg-white/70',
                      )
                    }
                  >
                    {item.label}
                    <span className="hidden text-xs font-normal text-slate-500 lg:block">{item.description}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="min-w-0">
            <Outlet />
          </div>
        </div>
      </Container>
    </div>
  );
}
