-- Demo data for development and the end-to-end tests. Idempotent: every row
-- has a fixed public id and is skipped when it already exists. The password
-- hash is computed by `myspace seed` and passed in as the transaction-local
-- setting myspace.demo_password_hash (SQL files take no parameters).

INSERT INTO users (msf_id, email, password_hash, username, display_name, account_type, profile_completion)
VALUES
  ('usr_demoClient0001', 'client@demo.myspace.dev', current_setting('myspace.demo_password_hash'),
   'northwind', 'Northwind Traders', 'CLIENT', 60),
  ('usr_demoFreelance1', 'freelancer@demo.myspace.dev', current_setting('myspace.demo_password_hash'),
   'ada.codes', 'Ada Okafor', 'FREELANCER', 80),
  ('usr_demoCompany001', 'company@demo.myspace.dev', current_setting('myspace.demo_password_hash'),
   'lumen-labs', 'Lumen Labs GmbH', 'COMPANY', 70),
  ('usr_demoAgency0001', 'agency@demo.myspace.dev', current_setting('myspace.demo_password_hash'),
   'pixel-harbor', 'Pixel Harbor Studio', 'AGENCY', 75)
ON CONFLICT DO NOTHING;

INSERT INTO jobs (msf_id, client_id, title, description, category, budget_min, budget_max, status,
                  skills_required, created_at)
SELECT j.msf_id, u.id, j.title, j.description, j.category, j.budget_min, j.budget_max,
       j.status::job_status, j.skills, now() - j.age
FROM (VALUES
  ('job_demo00000001', 'client@demo.myspace.dev',
   'React dashboard for a logistics startup',
   'We need a responsive dashboard showing live shipments, built with React and TypeScript against our GraphQL API. Charts, filters and an accessible table view.',
   'Web Development', 2500.00, 4000.00, 'OPEN', ARRAY['React', 'TypeScript', 'GraphQL'], interval '2 hours'),
  ('job_demo00000002', 'company@demo.myspace.dev',
   'Optimise a C++ pricing engine',
   'Profile and speed up a latency-sensitive pricing service (C++20, Linux). Target: halve p99 without changing results. Benchmarks included.',
   'Software Engineering', 6000.00, 9000.00, 'OPEN', ARRAY['C++', 'Performance', 'Linux'], interval '5 hours'),
  ('job_demo00000003', 'agency@demo.myspace.dev',
   'Brand identity for a coffee roastery',
   'Logo, colour palette, typography and packaging labels for a small-batch roastery opening in spring.',
   'Design', 1200.00, 2000.00, 'OPEN', ARRAY['Branding', 'Illustration', 'Figma'], interval '1 day'),
  ('job_demo00000004', 'client@demo.myspace.dev',
   'PostgreSQL schema review and indexing',
   'Review our schema and slow queries (pg_stat_statements attached), propose indexes and a migration plan.',
   'Data Engineering', 800.00, 1500.00, 'OPEN', ARRAY['PostgreSQL', 'SQL'], interval '2 days'),
  ('job_demo00000005', 'company@demo.myspace.dev',
   'Technical writer for API documentation',
   'Write clear reference and getting-started guides for our public REST and GraphQL APIs.',
   'Writing', 1500.00, 2500.00, 'OPEN', ARRAY['Technical Writing', 'APIs'], interval '3 days'),
  ('job_demo00000006', 'agency@demo.myspace.dev',
   'iOS app for appointment booking',
   'Native SwiftUI app for a salon chain: booking, reminders and payments. Design files are ready.',
   'Mobile Development', 8000.00, 12000.00, 'IN_PROGRESS', ARRAY['Swift', 'SwiftUI', 'iOS'], interval '6 days')
) AS j(msf_id, client_email, title, description, category, budget_min, budget_max, status, skills, age)
JOIN users u ON u.email = j.client_email
ON CONFLICT DO NOTHING;

INSERT INTO proposals (msf_id, job_id, freelancer_id, cover_letter, proposed_budget, status)
SELECT 'prp_demo00000001', j.id, u.id,
       'I have built several logistics dashboards in React and TypeScript; happy to share examples.',
       3200.00, 'PENDING'
FROM jobs j, users u
WHERE j.msf_id = 'job_demo00000001' AND u.email = 'freelancer@demo.myspace.dev'
ON CONFLICT DO NOTHING;
