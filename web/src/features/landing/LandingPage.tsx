import { Link } from 'react-router';
import { buttonClass } from '../../ui/buttonStyles';
import { Container } from '../../ui/Container';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { hireLink } from '../auth/accountKinds';
import { useSession } from '../auth/AuthContext';
import { JobsFeed } from '../jobs/JobsFeed';
import { ACCOUNT_TYPE_INFO, STEPS } from './content';
import { AccountTypeIcon, CheckIcon } from './Icons';

const LATEST_JOBS_LIMIT = 6;

function Hero() {
  const session = useSession();
  const hire = hireLink(session?.user, session !== null);
  return (
    <section aria-labelledby="hero-heading" className="relative overflow-hidden bg-gradient-to-b from-indigo-50 via-white to-white">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute -top-40 right-[-10rem] h-[28rem] w-[28rem] rounded-full bg-indigo-200/50 blur-3xl"
      />
      <Container className="relative grid items-center gap-12 py-16 sm:py-24 lg:grid-cols-2">
        <div>
          <p className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-sm font-medium text-indigo-700 shadow-sm ring-1 ring-indigo-100">
            <span className="h-2 w-2 rounded-full bg-emerald-500" aria-hidden="true" />
            Escrow-protected freelance marketplace
          </p>
          <h1 id="hero-heading" className="mt-6 text-4xl font-extrabold tracking-tight text-slate-900 sm:text-5xl 2xl:text-6xl">
            Hire great talent. <span className="text-indigo-600">Get great work done.</span>
          </h1>
          <p className="mt-6 max-w-xl text-lg leading-relaxed text-slate-700">
            MySpace 2.0 connects clients, companies and agencies with freelancers. Post a job, compare proposals, hire
            with your payment held safely in escrow, and keep every conversation in one place.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            {hire ? (
              <Link to={hire} className={buttonClass('primary', 'lg')}>
                Post a job
              </Link>
            ) : (
              <Link to="/dashboard" className={buttonClass('primary', 'lg')}>
                Your dashboard
              </Link>
            )}
            <Link to="/jobs" className={buttonClass('secondary', 'lg')}>
              Find work
            </Link>
          </div>
          <ul className="mt-8 grid gap-2 text-sm text-slate-700 sm:grid-cols-2">
            {['Pay only for approved work', 'Proposals from freelancers and agencies', 'One wallet for every job', 'Conversations tied to each job'].map(
              (point) => (
                <li key={point} className="flex items-center gap-2">
                  <CheckIcon className="h-4 w-4 flex-none text-emerald-600" />
                  {point}
                </li>
              ),
            )}
          </ul>
        </div>
        <HeroIllustration />
      </Container>
    </section>
  );
}

/** A decorative sketch of the product; hidden from assistive technology. */
function HeroIllustration() {
  return (
    <div aria-hidden="true" className="relative mx-auto hidden w-full max-w-md select-none py-20 lg:block">
      <div className="relative rounded-2xl border border-slate-200 bg-white p-6 shadow-xl shadow-indigo-100">
        <div className="flex items-center justify-between">
          <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">Escrow wallet</span>
          <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200">
            Funded
          </span>
        </div>
        <p className="mt-3 text-3xl font-bold text-slate-900">$2,400.00</p>
        <p className="text-sm text-slate-600">Held until the milestone is approved</p>
        <div className="mt-5 h-2 rounded-full bg-slate-100">
          <div className="h-2 w-2/3 rounded-full bg-indigo-600" />
        </div>
        <div className="mt-2 flex justify-between text-xs text-slate-500">
          <span>Milestone 2 of 3</span>
          <span>67%</span>
        </div>
      </div>
      <div className="absolute bottom-0 -left-8 w-64 rounded-2xl border border-slate-200 bg-white p-4 shadow-lg">
        <div className="flex items-center gap-3">
          <div className="flex h-9 w-9 items-center justify-center rounded-full bg-indigo-100 text-sm font-semibold text-indigo-700">AK</div>
          <div>
            <p className="text-sm font-semibold text-slate-900">New proposal</p>
            <p className="text-xs text-slate-600">“I can start on Monday.”</p>
          </div>
        </div>
      </div>
      <div className="absolute -right-6 top-0 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-lg">
        <p className="text-xs text-slate-500">Proposals received</p>
        <p className="text-xl font-bold text-slate-900">12</p>
      </div>
    </div>
  );
}

function AccountTypes() {
  return (
    <section aria-labelledby="account-types-heading" className="py-16 sm:py-24">
      <Container>
        <div className="max-w-2xl">
          <p className="text-sm font-semibold uppercase tracking-wide text-indigo-600">Who it’s for</p>
          <h2 id="account-types-heading" className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
            One marketplace, four ways to work
          </h2>
          <p className="mt-4 text-lg text-slate-700">Pick the account that matches how you work. You can hire, get hired, or both.</p>
        </div>
        <ul className="mt-12 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {ACCOUNT_TYPE_INFO.map((info) => (
            <li
              key={info.type}
              data-testid="account-type"
              className="flex flex-col rounded-2xl border border-slate-200 bg-white p-6 shadow-sm transition hover:shadow-md"
            >
              <div className="flex h-11 w-11 items-center justify-center rounded-xl bg-indigo-50 text-indigo-700">
                <AccountTypeIcon type={info.type} />
              </div>
              <h3 className="mt-4 text-lg font-semibold text-slate-900">{info.name}</h3>
              <p className="mt-1 text-sm text-slate-600">{info.tagline}</p>
              <ul className="mt-4 space-y-2 text-sm text-slate-700">
                {info.points.map((point) => (
                  <li key={point} className="flex gap-2">
                    <CheckIcon className="mt-0.5 h-4 w-4 flex-none text-indigo-600" />
                    {point}
                  </li>
                ))}
              </ul>
              <Link
                to={`/register?as=${info.type}`}
                className="mt-6 inline-flex items-center gap-1 rounded text-sm font-semibold text-indigo-700 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
              >
                {info.cta}
                <span aria-hidden="true">→</span>
              </Link>
            </li>
          ))}
        </ul>
      </Container>
    </section>
  );
}

function HowItWorks() {
  return (
    <section id="how-it-works" aria-labelledby="how-it-works-heading" className="bg-slate-900 py-16 text-white sm:py-24">
      <Container>
        <div className="max-w-2xl">
          <p className="text-sm font-semibold uppercase tracking-wide text-indigo-300">How it works</p>
          <h2 id="how-it-works-heading" className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">
            From job post to paid work in four steps
          </h2>
        </div>
        <ol className="mt-12 grid gap-8 md:grid-cols-2 lg:grid-cols-4">
          {STEPS.map((step, i) => (
            <li key={step.title} className="relative rounded-2xl bg-white/5 p-6 ring-1 ring-white/10">
              <span className="flex h-10 w-10 items-center justify-center rounded-full bg-indigo-500 text-base font-bold text-white">
                {i + 1}
              </span>
              <h3 className="mt-4 text-lg font-semibold">{step.title}</h3>
              <p className="mt-2 text-sm leading-relaxed text-slate-300">{step.body}</p>
            </li>
          ))}
        </ol>
      </Container>
    </section>
  );
}

function LatestJobs() {
  return (
    <section aria-labelledby="latest-jobs-heading" className="bg-slate-50 py-16 sm:py-24" data-testid="latest-jobs">
      <Container>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <p className="text-sm font-semibold uppercase tracking-wide text-indigo-600">Open opportunities</p>
            <h2 id="latest-jobs-heading" className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
              Latest jobs
            </h2>
          </div>
          <Link
            to="/jobs"
            className="inline-flex items-center gap-1 rounded text-sm font-semibold text-indigo-700 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Browse all jobs <span aria-hidden="true">→</span>
          </Link>
        </div>
        <div className="mt-10">
          <JobsFeed limit={LATEST_JOBS_LIMIT} />
        </div>
      </Container>
    </section>
  );
}

function CallToAction() {
  const session = useSession();
  if (session) return null;
  return (
    <section aria-labelledby="cta-heading" className="py-16 sm:py-20">
      <Container>
        <div className="flex flex-col items-start gap-6 rounded-3xl bg-indigo-600 px-8 py-12 sm:px-12 lg:flex-row lg:items-center lg:justify-between">
          <div>
            <h2 id="cta-heading" className="text-2xl font-bold tracking-tight text-white sm:text-3xl">
              Ready to start your next project?
            </h2>
            <p className="mt-2 text-indigo-100">Create a free account in under a minute.</p>
          </div>
          <div className="flex flex-wrap gap-3">
            <Link to="/register" className={buttonClass('inverse', 'lg')}>
              Sign up free
            </Link>
            <Link
              to="/jobs"
              className="inline-flex items-center rounded-lg px-5 py-3 text-base font-semibold text-white ring-1 ring-inset ring-white/40 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
            >
              Browse jobs
            </Link>
          </div>
        </div>
      </Container>
    </section>
  );
}

export function LandingPage() {
  useDocumentTitle();
  return (
    <>
      <Hero />
      <AccountTypes />
      <HowItWorks />
      <LatestJobs />
      <CallToAction />
    </>
  );
}
