import type { AccountType } from '../auth/authStore';

export interface AccountTypeInfo {
  type: AccountType;
  name: string;
  tagline: string;
  points: string[];
  cta: string;
}

export const ACCOUNT_TYPE_INFO: AccountTypeInfo[] = [
  {
    type: 'FREELANCER',
    name: 'Freelancer',
    tagline: 'Independent professionals who find work and get paid safely.',
    points: ['Browse open jobs', 'Send proposals with your price', 'Get paid from escrow on approval'],
    cta: 'Join as a freelancer',
  },
  {
    type: 'CLIENT',
    name: 'Client',
    tagline: 'Individuals who post jobs and hire the right person for them.',
    points: ['Post a job in minutes', 'Compare proposals side by side', 'Release payment when satisfied'],
    cta: 'Hire as a client',
  },
  {
    type: 'COMPANY',
    name: 'Company',
    tagline: 'Teams that hire regularly and manage work across projects.',
    points: ['Post jobs for your team', 'Fund work from one wallet', 'Keep every conversation on record'],
    cta: 'Hire as a company',
  },
  {
    type: 'AGENCY',
    name: 'Agency',
    tagline: 'Groups of specialists that bid on and deliver bigger projects.',
    points: ['Send proposals as a team', 'Take on larger budgets', 'Post jobs to bring in help'],
    cta: 'Join as an agency',
  },
];

export const STEPS: Array<{ title: string; body: string }> = [
  {
    title: 'Post a job',
    body: 'Describe the work, the skills it needs and your budget. Clients, companies and agencies can all post.',
  },
  {
    title: 'Receive proposals',
    body: 'Freelancers and agencies reply with a cover letter and their price. Shortlist the ones you like.',
  },
  {
    title: 'Hire with escrow',
    body: 'Accept a proposal and fund the escrow wallet. Money is released only when you approve the work.',
  },
  {
    title: 'Talk in conversations',
    body: 'Discuss details, share progress and agree on changes in one conversation per job.',
  },
];
